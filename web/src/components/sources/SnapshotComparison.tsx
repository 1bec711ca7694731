import { Code, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type { SnapshotDiff, SnapshotSummary } from '../../types/sources.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type Change, DiffBadge } from './DiffBadge.tsx';

/** A snapshot with its position in the source's history (1 = the first). */
export interface NumberedSnapshot {
  number: number;
  snapshot: SnapshotSummary;
}

const changes: Change[] = ['added', 'changed', 'removed'];

/** What changed, by item key, from the older of two snapshots to the newer. */
export function SnapshotComparison({
  older,
  newer,
}: {
  older: NumberedSnapshot;
  newer: NumberedSnapshot;
}) {
  const diff = useQuery({
    queryKey: ['snapshot', newer.snapshot.id, 'diff', older.snapshot.id],
    queryFn: () =>
      get<SnapshotDiff>(
        `/v1/snapshots/${encodeURIComponent(newer.snapshot.id)}/diff${query({ against: older.snapshot.id })}`,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Paper withBorder p="md" mt="md" aria-live="polite">
      <Title order={3} size="h4" mb="sm">
        From snapshot {older.number} to snapshot {newer.number}
      </Title>
      {diff.isError ? <ErrorAlert error={diff.error} /> : null}
      {diff.isPending ? <Skeleton height={80} /> : null}
      {diff.data ? (
        <Stack gap="sm">
          {changes.every((change) => diff.data[change].length === 0) ? (
            <Text size="sm">No item was added, changed or removed.</Text>
          ) : null}
          {changes.map((change) =>
            diff.data[change].length > 0 ? (
              <List key={change} listStyleType="none" spacing={4}>
                {diff.data[change].map((key) => (
                  <List.Item key={key} className={`diff-${change}`} px="xs" py={2}>
                    <Group gap="xs" wrap="wrap">
                      <DiffBadge change={change} />
                      <Code>{key}</Code>
                    </Group>
                  </List.Item>
                ))}
              </List>
            ) : null,
          )}
          <Text size="sm" c="dimmed">
            {diff.data.unchanged.length} unchanged.
          </Text>
        </Stack>
      ) : null}
    </Paper>
  );
}
