import { Alert, Button, Card, Collapse, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { can, useSession } from '../../session.tsx';
import type { Source, SyncResult } from '../../types/sources.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { describeSchedule } from './SourceList.tsx';
import { SyncOutcome } from './SyncOutcome.tsx';
import { SyncStatusBadge } from './SyncStatusBadge.tsx';

/** The source's last sync, "Sync now", and for a document kept here, a new version to sync. */
export function SyncPanel({ source }: { source: Source }) {
  const { data: session } = useSession();
  const client = useQueryClient();
  const [pasting, { toggle: togglePasting, close: closePasting }] = useDisclosure(false);
  const [text, setText] = useState('');
  const sync = useMutation({
    mutationFn: (newText: string | null) =>
      post<SyncResult>(
        `/v1/sources/${encodeURIComponent(source.id)}/sync`,
        newText === null ? {} : { text: newText },
      ),
    onSuccess: (_result, newText) => {
      if (newText !== null) {
        setText('');
        closePasting();
      }
      void client.invalidateQueries({ queryKey: ['source', source.id] });
      void client.invalidateQueries({ queryKey: ['sources'] });
    },
  });
  const writable = can(session, 'write');
  const last = source.lastSync;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="last-sync">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={6}>
          <Title order={2} size="h3" id="last-sync">
            Last sync
          </Title>
          {last ? (
            <Group gap="xs">
              <SyncStatusBadge status={last.status} />
              <Text size="sm">{formatDateTime(last.at)}</Text>
            </Group>
          ) : (
            <Text size="sm">Never synced.</Text>
          )}
          <Text size="sm">Next sync: {describeSchedule(source)}</Text>
        </Stack>
        {writable ? (
          <Group gap="xs">
            {source.kind === 'markdown' ? (
              <Button variant="default" onClick={togglePasting} aria-expanded={pasting}>
                Paste a new version
              </Button>
            ) : null}
            <Button onClick={() => sync.mutate(null)} loading={sync.isPending}>
              Sync now
            </Button>
          </Group>
        ) : null}
      </Group>
      {last?.error && !sync.data ? (
        <Alert color="red" title="The last sync failed" mt="md">
          {last.error.message} ({last.error.code}).
          {source.latestSnapshotId ? ' The previous snapshot stays the latest.' : null}
        </Alert>
      ) : null}
      <Collapse expanded={pasting}>
        <Stack gap="sm" mt="md">
          <Textarea
            label="New version of the document"
            description="Replaces the text Toombos keeps for this source, then syncs it."
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={16}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Group justify="flex-end">
            <Button
              onClick={() => sync.mutate(text)}
              loading={sync.isPending}
              disabled={text.trim() === ''}
            >
              Sync with this text
            </Button>
          </Group>
        </Stack>
      </Collapse>
      <Stack gap="sm" mt={sync.data || sync.isError ? 'md' : 0}>
        {sync.isError ? <ErrorAlert error={sync.error} title="The sync did not run" /> : null}
        {sync.data ? <SyncOutcome result={sync.data} /> : null}
      </Stack>
    </Card>
  );
}
