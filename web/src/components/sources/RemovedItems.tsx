import { Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DiffBadge } from './DiffBadge.tsx';
import { useSnapshot } from './queries.ts';

/** Items the last sync removed, titled from the snapshot before it. */
export function RemovedItems({
  keys,
  previousSnapshotId,
}: {
  keys: string[];
  previousSnapshotId: string | null;
}) {
  const previous = useSnapshot(previousSnapshotId);
  const titles = new Map(previous.data?.items.map((item) => [item.key, item.title]));
  return (
    <section aria-labelledby="removed-items">
      <Title order={2} size="h3" id="removed-items" mb="sm">
        Removed in the last sync
      </Title>
      <Stack gap="xs">
        {keys.map((key) => (
          <Paper key={key} withBorder p="sm" radius="sm" className="diff-removed">
            <Group gap="sm" wrap="nowrap">
              <DiffBadge change="removed" />
              <Text size="sm">{titles.get(key) ?? key}</Text>
              {titles.has(key) ? <Code>{key}</Code> : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
