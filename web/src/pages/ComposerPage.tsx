import {
  Alert,
  Anchor,
  Grid,
  NativeSelect,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { get, query } from '../api.ts';
import { ComposerForm } from '../components/campaigns/ComposerForm.tsx';
import { ComposerPreview } from '../components/campaigns/ComposerPreview.tsx';
import { ItemChecklist } from '../components/campaigns/ItemChecklist.tsx';
import { useBrandName, useChannels } from '../components/campaigns/queries.ts';
import { useComposerChoices } from '../components/campaigns/use-composer-choices.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import type { Page, Snapshot, Source } from '../types/campaigns.ts';

/** `/campaigns/new`: pick a source's items, channels and voice; see the drafts live; create. */
export default function ComposerPage() {
  const [params] = useSearchParams();
  const sources = useQuery({
    queryKey: ['sources', { limit: 200 }],
    queryFn: () => get<Page<Source>>(`/v1/sources${query({ limit: 200 })}`),
  });
  const [picked, setPicked] = useState<string | null>(params.get('source'));
  const sourceId = picked ?? sources.data?.data[0]?.id ?? null;

  const source = useQuery({
    queryKey: ['source', sourceId],
    queryFn: () => get<Source>(`/v1/sources/${sourceId}`),
    enabled: sourceId !== null,
  });
  const snapshotId = source.data?.latestSnapshotId ?? null;
  const snapshot = useQuery({
    queryKey: ['snapshot', snapshotId],
    queryFn: () => get<Snapshot>(`/v1/snapshots/${snapshotId}`),
    enabled: snapshotId !== null,
  });
  const channels = useChannels();
  const brandName = useBrandName();
  const choices = useComposerChoices(snapshot.data, source.data);

  const sourceOptions = useMemo(() => {
    const list = (sources.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }));
    // A `?source=` beyond the first page still shows by its name once loaded.
    if (source.data && !list.some((option) => option.value === source.data.id))
      list.push({ value: source.data.id, label: source.data.name });
    return list;
  }, [sources.data, source.data]);

  return (
    <>
      <PageHeader
        title="New campaign"
        description="Choose the items and channels; the drafts update as you go. Nothing is saved until you create the campaign."
      />
      {sources.isError ? <ErrorAlert error={sources.error} /> : null}
      {sources.data && sources.data.data.length === 0 && picked === null ? (
        <Alert color="gray" title="No sources yet">
          A campaign starts from a source.{' '}
          <Anchor component={Link} href="/sources">
            Add a source
          </Anchor>{' '}
          first.
        </Alert>
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <Stack gap="lg">
              <section aria-labelledby="composer-items">
                <Title order={2} size="h4" id="composer-items" mb="xs">
                  Items
                </Title>
                <Stack gap="sm">
                  {sources.isPending ? (
                    <Skeleton height={60} />
                  ) : (
                    <NativeSelect
                      label="Source"
                      data={sourceOptions}
                      value={sourceId ?? ''}
                      onChange={(event) => setPicked(event.currentTarget.value)}
                    />
                  )}
                  {source.isError ? <ErrorAlert error={source.error} /> : null}
                  {snapshot.isError ? <ErrorAlert error={snapshot.error} /> : null}
                  {source.data && snapshotId === null ? (
                    <Alert color="yellow" title="No snapshot yet">
                      This source has not been read successfully yet; sync it on its{' '}
                      <Anchor component={Link} href={`/sources/${source.data.id}`}>
                        source page
                      </Anchor>
                      .
                    </Alert>
                  ) : null}
                  <Switch
                    label="Only what changed"
                    description="Only the items added or changed since the last campaign of this source"
                    checked={choices.onlyChanged}
                    onChange={(event) => choices.setOnlyChanged(event.currentTarget.checked)}
                  />
                  {snapshot.data ? (
                    <ItemChecklist
                      items={snapshot.data.items}
                      selected={choices.selection}
                      onChange={choices.setSelected}
                      locked={choices.onlyChanged}
                    />
                  ) : snapshotId !== null || source.isPending ? (
                    <Stack gap={6} aria-hidden>
                      {[0, 1, 2, 3, 4, 5].map((row) => (
                        <Skeleton key={row} height={22} />
                      ))}
                    </Stack>
                  ) : null}
                  {choices.onlyChanged ? (
                    <Text size="xs" c="dimmed">
                      The preview shows the items added or changed in the source's latest sync; the
                      campaign keeps the items added or changed since this source's previous
                      campaign.
                    </Text>
                  ) : null}
                </Stack>
              </section>
              <ComposerForm
                choices={choices}
                channels={channels.data}
                channelsError={channels.error}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <section aria-labelledby="composer-preview">
              <Title order={2} size="h4" id="composer-preview" mb="xs">
                Preview
              </Title>
              <ComposerPreview
                request={choices.request}
                blocked={choices.blocked}
                channels={channels.data}
                brandName={brandName}
              />
            </section>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
