import { Badge } from '@mantine/core';

export type Change = 'added' | 'changed' | 'removed';

const looks: Record<Change, { color: string; label: string }> = {
  added: { color: 'green', label: 'Added' },
  changed: { color: 'yellow', label: 'Changed' },
  removed: { color: 'red', label: 'Removed' },
};

/** An item's change as a word; goes with the `diff-<change>` background of styles.css. */
export function DiffBadge({ change }: { change: Change }) {
  const look = looks[change];
  return (
    <Badge color={look.color} variant="dot" radius="sm" size="sm">
      {look.label}
    </Badge>
  );
}
