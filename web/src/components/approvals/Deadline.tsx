import { Badge, Group, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../format.ts';

/** A stage's deadline: relative and absolute; when overdue, the word "Overdue" (not a color alone). */
export function Deadline({ at, overdue }: { at: string | null; overdue: boolean }) {
  return (
    <Group gap={6} wrap="wrap">
      {overdue ? (
        <Badge color="red.9" variant="filled" radius="sm">
          Overdue
        </Badge>
      ) : null}
      {at ? (
        <Text size="sm">
          {lead(at, overdue)} {formatRelative(at)} · <time dateTime={at}>{formatDateTime(at)}</time>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {overdue ? 'Escalated as far as the policy goes; no new deadline' : 'No deadline'}
        </Text>
      )}
    </Group>
  );
}

/** An overdue stage is escalated with a new deadline: it may be overdue and due later at once. */
function lead(at: string, overdue: boolean): string {
  if (Date.parse(at) <= Date.now()) return 'Was due';
  return overdue ? 'Escalated; now due' : 'Due';
}
