import { Badge, Code, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Item, ItemIssue, ParseWarning } from '../../types/sources.ts';
import { type Change, DiffBadge } from './DiffBadge.tsx';
import { Notes } from './Notes.tsx';

function facts(item: Item): string[] {
  return [
    item.type,
    `priority ${item.priority}`,
    item.channels === null ? 'all channels' : `channels: ${item.channels.join(', ') || 'none'}`,
    ...(item.featured ? ['featured'] : []),
    ...(item.published ? [] : ['draft: never sent']),
    ...(item.dryRun ? ['dry run'] : []),
    ...(item.date ? [`dated ${item.date}`] : []),
    ...(item.tags.length > 0 ? [`tags: ${item.tags.join(', ')}`] : []),
  ];
}

/** One item of a snapshot: title, key, its facts as badges, the start of its body, its notes. */
export function ItemCard({
  item,
  change,
  warnings,
  issues,
}: {
  item: Item;
  change: Change | null;
  warnings: ParseWarning[];
  issues: ItemIssue[];
}) {
  const titleId = useId();
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="article"
      aria-labelledby={titleId}
      className={change ? `diff-${change}` : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {item.title}
        </Title>
        {change ? <DiffBadge change={change} /> : null}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        <Code>{item.key}</Code>
        {item.line > 0 ? ` · line ${item.line}` : null}
      </Text>
      <Group gap={6} mt="xs">
        {facts(item).map((fact) => (
          <Badge key={fact} variant="default" radius="sm" size="sm" tt="none">
            {fact}
          </Badge>
        ))}
      </Group>
      {item.body ? (
        <Text size="sm" mt="xs" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
          {item.body}
        </Text>
      ) : null}
      <Notes warnings={warnings} issues={issues} />
    </Paper>
  );
}
