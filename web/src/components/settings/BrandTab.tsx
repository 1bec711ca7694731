import { Grid, Skeleton, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { can, useSession } from '../../session.tsx';
import type { BrandProfile, Workspace } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { BrandForm } from './BrandForm.tsx';
import { BrandPreview } from './BrandPreview.tsx';
import { toBrandDraft } from './brandDraft.ts';
import { useBrand, useWorkspace } from './queries.ts';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { WorkspaceForm } from './WorkspaceForm.tsx';

/** Workspace name and time zone, the brand profile, and the email as the brand makes it look. */
export function BrandTab() {
  const workspace = useWorkspace();
  const brand = useBrand();
  if (workspace.isError) return <ErrorAlert error={workspace.error} />;
  if (brand.isError) return <ErrorAlert error={brand.error} />;
  if (!workspace.data || !brand.data)
    return <Skeleton height={900} aria-label="Loading the brand" />;
  return <BrandEditor workspace={workspace.data} brand={brand.data} />;
}

function BrandEditor({ workspace, brand }: { workspace: Workspace; brand: BrandProfile }) {
  const { data: session } = useSession();
  const admin = can(session, 'admin');
  const [draft, setDraft] = useState(() => toBrandDraft(brand));
  return (
    <>
      {admin ? null : (
        <ReadOnlyNote>Only owners and admins can change the workspace and its brand.</ReadOnlyNote>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <section aria-labelledby="workspace-heading">
              <Title order={2} size="h3" id="workspace-heading" mb="sm">
                Workspace
              </Title>
              <WorkspaceForm workspace={workspace} readOnly={!admin} />
            </section>
            <section aria-labelledby="brand-heading">
              <Title order={2} size="h3" id="brand-heading" mb="sm">
                Brand
              </Title>
              <BrandForm
                draft={draft}
                onChange={setDraft}
                stored={brand}
                onSaved={(saved) => setDraft(toBrandDraft(saved))}
                readOnly={!admin}
              />
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <BrandPreview draft={draft} workspaceName={workspace.name} />
        </Grid.Col>
      </Grid>
    </>
  );
}
