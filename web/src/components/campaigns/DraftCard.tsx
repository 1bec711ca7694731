import {
  Alert,
  Badge,
  Button,
  Collapse,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage, patch } from '../../api.ts';
import type { CampaignDraft, CampaignWithDrafts, Channel } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { DraftBody } from '../previews/DraftBody.tsx';
import { IssueList } from '../previews/IssueList.tsx';
import { QualityScore } from '../previews/QualityScore.tsx';
import { DraftEditor } from './DraftEditor.tsx';
import { DraftVersions } from './DraftVersions.tsx';
import { changedFields, type DraftEdit, isDirty, valuesOf, withEdit } from './edits.ts';
import { useActorName } from './queries.ts';

/**
 * One stored draft: its score and issues, its fields to edit (with live counters), the preview of
 * the edited text, a save that writes a new version, and its version history.
 */
export function DraftCard({
  campaignId,
  draft,
  channel,
  label,
  edit,
  onEdit,
  locked,
  brandName,
}: {
  campaignId: string;
  draft: CampaignDraft;
  channel: Channel | undefined;
  label: string;
  edit: DraftEdit | undefined;
  onEdit: (edit: DraftEdit | null) => void;
  /** Why the draft cannot be edited now, or null. */
  locked: string | null;
  brandName: string;
}) {
  const client = useQueryClient();
  const actorName = useActorName();
  const savedBy = (actor: string | null) => {
    const name = actorName(actor);
    return name === 'you' ? 'you in another tab' : name;
  };
  const [note, setNote] = useState('');
  const [showVersions, setShowVersions] = useState(false);
  const values = edit?.values ?? valuesOf(draft.content);
  const dirty = edit !== undefined && isDirty(draft.content, edit.values);
  const overtaken = edit !== undefined && dirty && edit.baseVersion !== draft.version;
  const shown = withEdit(draft.content, values, channel);

  const save = useMutation({
    mutationFn: async () => {
      const base = edit?.baseVersion ?? draft.version;
      const { posts, ...fields } = changedFields(draft.content, values);
      const trimmed = note.trim();
      // baseVersion: the API refuses (409) an edit of a version someone has saved over since.
      return patch<CampaignDraft>(`/v1/drafts/${draft.id}`, {
        baseVersion: base,
        ...fields,
        ...(posts ? { posts: posts.map((text) => ({ text })) } : {}),
        ...(trimmed ? { note: trimmed } : {}),
      });
    },
    onSuccess: (saved) => {
      client.setQueryData<CampaignWithDrafts>(['campaign', campaignId], (old) =>
        old ? { ...old, drafts: old.drafts.map((d) => (d.id === saved.id ? saved : d)) } : old,
      );
      onEdit(null);
      setNote('');
      void client.invalidateQueries({ queryKey: ['campaign', campaignId] });
      void client.invalidateQueries({ queryKey: ['draft', draft.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void client.invalidateQueries({ queryKey: ['campaign', campaignId] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`draft-${draft.id}`}>
      <Stack gap="sm">
        <Group gap="sm" justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4" id={`draft-${draft.id}`}>
              {label}
            </Title>
            <Badge variant="outline" color="gray" radius="sm">
              version {draft.version}
            </Badge>
            {draft.dryRun ? (
              <Badge variant="light" color="yellow" radius="sm">
                dry run: outbox only
              </Badge>
            ) : null}
          </Group>
          <QualityScore quality={draft.quality} />
        </Group>
        <IssueList issues={draft.issues} />
        {!channel ? (
          <Alert color="gray">The channel “{draft.channel}” is not in the channel registry.</Alert>
        ) : locked ? (
          <>
            <Text size="sm">{locked}</Text>
            <DraftBody content={draft.content} channel={channel} brandName={brandName} />
          </>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="sm">
                <DraftEditor
                  label={label}
                  testKey={draft.target}
                  content={shown}
                  channel={channel}
                  values={values}
                  onChange={(next) =>
                    onEdit({ baseVersion: edit?.baseVersion ?? draft.version, values: next })
                  }
                />
                <TextInput
                  label={`Note for the new ${label} version (optional)`}
                  value={note}
                  maxLength={500}
                  onChange={(event) => setNote(event.currentTarget.value)}
                />
                {overtaken || conflict ? (
                  <Alert color="orange" title="Someone else saved first" role="alert">
                    <Stack gap="xs">
                      <Text size="sm">
                        {conflict
                          ? errorMessage(save.error)
                          : `Version ${draft.version} was saved by ${savedBy(draft.editedBy)} while you were editing.`}
                      </Text>
                      {overtaken ? (
                        <Group gap="xs">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => {
                              save.reset();
                              onEdit({ baseVersion: draft.version, values });
                            }}
                          >
                            Keep my edit on version {draft.version}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => {
                              save.reset();
                              onEdit(null);
                            }}
                          >
                            Show their version
                          </Button>
                        </Group>
                      ) : null}
                    </Stack>
                  </Alert>
                ) : save.isError ? (
                  <ErrorAlert error={save.error} title="Not saved" />
                ) : null}
                <Group gap="xs">
                  <Button
                    onClick={() => save.mutate()}
                    loading={save.isPending}
                    disabled={!dirty || overtaken}
                  >
                    Save {label} draft
                  </Button>
                  {dirty ? (
                    <Button variant="default" onClick={() => onEdit(null)}>
                      Discard changes
                    </Button>
                  ) : null}
                  <Text size="sm" c="dimmed">
                    {dirty ? 'Unsaved changes' : 'No unsaved changes'}
                  </Text>
                </Group>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <DraftBody content={shown} channel={channel} brandName={brandName} />
            </Grid.Col>
          </Grid>
        )}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={showVersions}
            onClick={() => setShowVersions((open) => !open)}
          >
            {showVersions ? 'Hide' : 'Show'} {label} versions
          </Button>
        </Group>
        <Collapse expanded={showVersions}>
          {showVersions ? (
            <DraftVersions draftId={draft.id} label={label} latest={draft.version} />
          ) : null}
        </Collapse>
      </Stack>
    </Paper>
  );
}
