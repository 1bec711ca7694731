import { Alert } from '@mantine/core';
import type { SyncResult } from '../../types/sources.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What the sync just asked for found, announced to screen readers as it appears. */
export function SyncOutcome({ result }: { result: SyncResult }) {
  if (result.status === 'failed') {
    return (
      <Alert color="red" title="The sync failed" role="status">
        {result.error?.message ?? 'The document could not be read.'}
        {result.error ? ` (${result.error.code})` : null}
      </Alert>
    );
  }
  if (result.status === 'unchanged') {
    return (
      <Alert color="gray" title="Nothing changed" role="status">
        The document is the same as in the latest snapshot; no new snapshot was stored.
      </Alert>
    );
  }
  const counts = result.counts;
  return (
    <Alert color="blue" title="New snapshot stored" role="status">
      {counts
        ? `${plural(counts.items, 'item')}: ${counts.added} added, ${counts.changed} changed, ${counts.removed} removed; ${plural(counts.warnings, 'warning')}, ${plural(counts.issues, 'issue')}.`
        : 'The document changed.'}
    </Alert>
  );
}
