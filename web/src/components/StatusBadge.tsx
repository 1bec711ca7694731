import { Badge } from '@mantine/core';

const colors: Record<string, string> = {
  sent: 'green',
  published: 'green',
  approved: 'teal',
  active: 'green',
  scheduled: 'blue',
  publishing: 'blue',
  sending: 'blue',
  pending_approval: 'yellow',
  pending: 'yellow',
  draft: 'gray',
  changes_requested: 'orange',
  partially_failed: 'orange',
  unknown: 'orange',
  needs_reconnect: 'orange',
  failed: 'red',
  succeeded: 'green',
  revoked: 'gray',
  rejected: 'red',
  cancelled: 'gray',
  disabled: 'gray',
};

/** A state as a colored word; the word itself carries the meaning (not the color alone). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" radius="sm">
      {status.replaceAll('_', ' ')}
    </Badge>
  );
}
