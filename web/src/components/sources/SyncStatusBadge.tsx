import { Badge } from '@mantine/core';
import type { SyncStatus } from '../../types/sources.ts';

const looks: Record<SyncStatus, { color: string; label: string }> = {
  created: { color: 'green', label: 'new snapshot' },
  unchanged: { color: 'gray', label: 'unchanged' },
  failed: { color: 'red', label: 'failed' },
};

/** How a sync ended, in words (the color only repeats them). */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  const look = looks[status];
  return (
    <Badge color={look.color} variant="dot" radius="sm">
      {look.label}
    </Badge>
  );
}
