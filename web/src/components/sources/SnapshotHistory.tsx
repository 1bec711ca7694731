import { Checkbox, Skeleton, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useSnapshotHistory } from './queries.ts';
import { type NumberedSnapshot, SnapshotComparison } from './SnapshotComparison.tsx';

/** Every snapshot of the source, newest first; ticking two shows what changed between them. */
export function SnapshotHistory({ sourceId }: { sourceId: string }) {
  const history = useSnapshotHistory(sourceId);
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (id: string) =>
    setPicked((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id].slice(-2),
    );

  const numbered: NumberedSnapshot[] = (history.data?.rows ?? []).map((snapshot, index) => ({
    number: index + 1,
    snapshot,
  }));
  const [older, newer] = numbered
    .filter(({ snapshot }) => picked.includes(snapshot.id))
    .sort((a, b) => a.number - b.number);

  return (
    <section aria-labelledby="snapshot-history">
      <Title order={2} size="h3" id="snapshot-history" mb="xs">
        Snapshot history
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Tick two snapshots to compare them.
      </Text>
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.isPending ? <Skeleton height={120} /> : null}
      {history.data?.rows.length === 0 ? <Text c="dimmed">No snapshots yet.</Text> : null}
      {numbered.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Compare</Table.Th>
                <Table.Th>Snapshot</Table.Th>
                <Table.Th>Taken</Table.Th>
                <Table.Th>Items</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...numbered].reverse().map(({ number, snapshot }) => (
                <Table.Tr key={snapshot.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Compare snapshot ${number}`}
                      checked={picked.includes(snapshot.id)}
                      onChange={() => toggle(snapshot.id)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {number}
                    {snapshot.title ? ` · ${snapshot.title}` : ''}
                  </Table.Td>
                  <Table.Td>{formatDateTime(snapshot.createdAt)}</Table.Td>
                  <Table.Td>{snapshot.itemCount}</Table.Td>
                  <Table.Td>
                    {snapshot.previousSnapshotId === null
                      ? 'first snapshot'
                      : `${snapshot.changes.added} added, ${snapshot.changes.changed} changed, ${snapshot.changes.removed} removed`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {history.data && !history.data.complete ? (
        <Text size="sm" c="dimmed" mt="xs">
          Showing the first {numbered.length} snapshots.
        </Text>
      ) : null}
      {older && newer ? <SnapshotComparison older={older} newer={newer} /> : null}
    </section>
  );
}
