import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { snapshots } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export interface ItemHash {
  key: string;
  contentHash: string;
}

export type Snapshot = typeof snapshots.$inferSelect;
export type NewSnapshot = Omit<typeof snapshots.$inferInsert, 'id' | 'createdAt'>;
/** A snapshot without its heavy columns (raw text, items, warnings, issues): for lists. */
export type SnapshotSummary = Omit<Snapshot, 'rawText' | 'items' | 'warnings' | 'issues'>;

const {
  rawText: _rawText,
  items: _items,
  warnings: _warnings,
  issues: _issues,
  ...summaryColumns
} = getTableColumns(snapshots);

export async function insertSnapshot(db: Db, values: NewSnapshot): Promise<Snapshot> {
  const rows = await db.insert(snapshots).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into snapshots returned no row');
  return row;
}

export async function getSnapshot(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Snapshot | undefined> {
  const rows = await db
    .select()
    .from(snapshots)
    .where(and(eq(snapshots.workspaceId, workspaceId), eq(snapshots.id, id)))
    .limit(1);
  return rows[0];
}

/** Oldest first, like every list: the page after `after` in (createdAt, id) order. */
export async function listSnapshots(
  db: Db,
  {
    workspaceId,
    sourceId,
    limit,
    after,
  }: { workspaceId: string; sourceId: string; limit: number; after?: PageAfter | undefined },
): Promise<SnapshotSummary[]> {
  return db
    .select(summaryColumns)
    .from(snapshots)
    .where(
      and(
        eq(snapshots.workspaceId, workspaceId),
        eq(snapshots.sourceId, sourceId),
        afterCursor(snapshots.createdAt, snapshots.id, after),
      ),
    )
    .orderBy(snapshots.createdAt, snapshots.id)
    .limit(limit);
}

/** One snapshot's item keys and content hashes, extracted in SQL: what a diff needs, nothing more. */
export async function getSnapshotItemHashes(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<{ id: string; sourceId: string; contentHash: string; items: ItemHash[] } | undefined> {
  const rows = await db
    .select({
      id: snapshots.id,
      sourceId: snapshots.sourceId,
      contentHash: snapshots.contentHash,
      items: sql<ItemHash[]>`(select coalesce(jsonb_agg(jsonb_build_object(
          'key', element.value->>'key', 'contentHash', element.value->>'contentHash')
          order by element.position), '[]'::jsonb)
        from jsonb_array_elements(${snapshots.items}) with ordinality as element(value, position))`,
    })
    .from(snapshots)
    .where(and(eq(snapshots.workspaceId, workspaceId), eq(snapshots.id, id)))
    .limit(1);
  return rows[0];
}
