/** The fields of the sources and snapshots API the dashboard reads (src/http/routes/source-schemas.ts). */

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export type SyncStatus = 'created' | 'unchanged' | 'failed';

export interface SyncError {
  code: string;
  message: string;
}

export interface Source {
  id: string;
  name: string;
  kind: string;
  settings: { filename?: string; url?: string };
  syncIntervalMinutes: number | null;
  nextSyncAt: string | null;
  latestSnapshotId: string | null;
  /** How many items the latest snapshot has; null before the first snapshot. */
  itemCount: number | null;
  lastSync: { status: SyncStatus; at: string; error: SyncError | null } | null;
  createdAt: string;
}

export interface SyncResult {
  status: SyncStatus;
  snapshotId: string | null;
  counts: {
    items: number;
    added: number;
    changed: number;
    removed: number;
    warnings: number;
    issues: number;
  } | null;
  error: SyncError | null;
}

export interface CreatedSource {
  source: Source;
  sync: SyncResult;
}

export interface ItemKeyDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

export interface SnapshotSummary {
  id: string;
  previousSnapshotId: string | null;
  title: string | null;
  strategy: string;
  itemCount: number;
  changes: { added: number; changed: number; removed: number; unchanged: number };
  createdAt: string;
}

export interface Item {
  key: string;
  section: string;
  sectionHeading: string | null;
  title: string;
  body: string;
  date: string | null;
  type: string;
  priority: number;
  featured: boolean;
  published: boolean;
  dryRun: boolean;
  channels: string[] | null;
  tags: string[];
  line: number;
}

export interface ParseWarning {
  code: string;
  message: string;
  line: number;
  itemKey?: string;
}

export interface ItemIssue {
  itemKey: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  field: string;
  message: string;
}

export interface Snapshot extends SnapshotSummary {
  items: Item[];
  warnings: ParseWarning[];
  issues: ItemIssue[];
  diff: ItemKeyDiff;
}

export interface SnapshotDiff extends ItemKeyDiff {
  snapshotId: string;
  againstSnapshotId: string;
}
