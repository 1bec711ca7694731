import { Anchor, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import type { Source } from '../../types/sources.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useSources } from './queries.ts';
import { SyncStatusBadge } from './SyncStatusBadge.tsx';
import { TimeAgo } from './TimeAgo.tsx';

/** Where a source's document is: its URL, or the file it was uploaded from. */
export function sourceOrigin(source: Source): string | null {
  return source.settings.url ?? source.settings.filename ?? null;
}

/** When the next scheduled sync is, and how often; sources without a schedule sync on demand. */
export function describeSchedule(source: Source): string {
  if (source.syncIntervalMinutes === null) return 'On demand';
  const every = `every ${source.syncIntervalMinutes} min`;
  return source.nextSyncAt
    ? `${formatDateTime(source.nextSyncAt)} (${every})`
    : `Scheduled ${every}`;
}

/** Every source, with its item count, how its last sync went and when the next one is. */
export function SourceList() {
  const sources = useSources();
  return (
    <section aria-labelledby="all-sources">
      <Title order={2} size="h3" mb="sm" id="all-sources">
        All sources
      </Title>
      {sources.isError ? <ErrorAlert error={sources.error} /> : null}
      {sources.isPending ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : null}
      {sources.data?.rows.length === 0 ? (
        <Text c="dimmed">No sources yet: add your first one below.</Text>
      ) : null}
      {sources.data && sources.data.rows.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Items</Table.Th>
                <Table.Th>Last sync</Table.Th>
                <Table.Th>Next sync</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.data.rows.map((source) => (
                <SourceRow key={source.id} source={source} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {sources.data && !sources.data.complete ? (
        <Text size="sm" c="dimmed" mt="xs">
          Showing the first {sources.data.rows.length} sources.
        </Text>
      ) : null}
    </section>
  );
}

function SourceRow({ source }: { source: Source }) {
  const origin = sourceOrigin(source);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} href={`/sources/${source.id}`} fw={600}>
          {source.name}
        </Anchor>
        {origin ? (
          <Text size="xs" c="dimmed" truncate maw={320}>
            {origin}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{source.kind}</Table.Td>
      <Table.Td ta="right">
        {source.itemCount === null ? (
          <Text size="sm" c="dimmed">
            —<VisuallyHidden> no snapshot yet</VisuallyHidden>
          </Text>
        ) : (
          source.itemCount
        )}
      </Table.Td>
      <Table.Td>
        {source.lastSync ? (
          <Stack gap={2} align="flex-start">
            <SyncStatusBadge status={source.lastSync.status} />
            <Text size="sm">
              <TimeAgo iso={source.lastSync.at} />
            </Text>
            {source.lastSync.error ? <Text size="sm">{source.lastSync.error.message}</Text> : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Never
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{describeSchedule(source)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
