import type { SourceWithItemCount } from '../../db/queries/sources.ts';
import type { SyncStatus } from '../../db/schema.ts';
import type { Strategy } from '../../documents/item.ts';

/** What the API and CLI show of a source: never its stored document text (that is in snapshots). */
export interface SourceView {
  id: string;
  name: string;
  kind: string;
  settings: Record<string, unknown>;
  strategy: Strategy | null;
  syncIntervalMinutes: number | null;
  nextSyncAt: string | null;
  latestSnapshotId: string | null;
  /** How many items the latest snapshot has; null before the first snapshot. */
  itemCount: number | null;
  lastSync: {
    status: SyncStatus;
    at: string;
    error: { code: string; message: string } | null;
  } | null;
  createdAt: string;
  updatedAt: string;
}

export function toSourceView(row: SourceWithItemCount): SourceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: row.settings,
    strategy: row.strategy,
    syncIntervalMinutes: row.syncIntervalMinutes,
    nextSyncAt: row.nextSyncAt?.toISOString() ?? null,
    latestSnapshotId: row.latestSnapshotId,
    itemCount: row.itemCount,
    lastSync:
      row.lastSyncStatus && row.lastSyncAt
        ? { status: row.lastSyncStatus, at: row.lastSyncAt.toISOString(), error: row.lastSyncError }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
