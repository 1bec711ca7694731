import type { Snapshot, SnapshotSummary } from '../../db/queries/snapshots.ts';
import type { ItemDiff } from '../../documents/diff-items.ts';
import type { Item, ItemIssue, ParseWarning, Strategy } from '../../documents/item.ts';

export interface SnapshotSummaryView {
  id: string;
  sourceId: string;
  previousSnapshotId: string | null;
  contentHash: string;
  strategy: Strategy;
  title: string | null;
  itemCount: number;
  /** Counts of the diff against the previous snapshot. */
  changes: { added: number; changed: number; removed: number; unchanged: number };
  createdAt: string;
}

export interface SnapshotView extends SnapshotSummaryView {
  items: Item[];
  warnings: ParseWarning[];
  issues: ItemIssue[];
  diff: ItemDiff;
}

export function toSnapshotSummaryView(row: SnapshotSummary): SnapshotSummaryView {
  return {
    id: row.id,
    sourceId: row.sourceId,
    previousSnapshotId: row.previousSnapshotId,
    contentHash: row.contentHash,
    strategy: row.strategy,
    title: row.title,
    itemCount: row.itemCount,
    changes: {
      added: row.diff.added.length,
      changed: row.diff.changed.length,
      removed: row.diff.removed.length,
      unchanged: row.diff.unchanged.length,
    },
    createdAt: row.createdAt.toISOString(),
  };
}

export function toSnapshotView(row: Snapshot): SnapshotView {
  return {
    ...toSnapshotSummaryView(row),
    items: row.items,
    warnings: row.warnings,
    issues: row.issues,
    diff: row.diff,
  };
}
