import { and, eq, getTableColumns, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { snapshots, sources } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type Source = typeof sources.$inferSelect;
/** A source with the item count of its latest snapshot (null before its first snapshot). */
export type SourceWithItemCount = Source & { itemCount: number | null };
export type NewSource = Omit<typeof sources.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type SourceChanges = Partial<
  Pick<
    Source,
    | 'name'
    | 'settings'
    | 'content'
    | 'strategy'
    | 'syncIntervalMinutes'
    | 'nextSyncAt'
    | 'lastSyncAt'
    | 'lastSyncStatus'
    | 'lastSyncError'
    | 'latestSnapshotId'
  >
>;

/**
 * A source's columns plus its latest snapshot's item count, read in the same statement (a lookup
 * by primary key per source; a list is still one query). Works in SELECT and in RETURNING.
 */
const withItemCount = {
  ...getTableColumns(sources),
  // Qualified by hand: drizzle writes bare column names in single-table statements, and bare
  // names inside this subquery would all be read as the snapshot's.
  itemCount: sql<number | null>`(
    select latest.item_count from ${snapshots} as latest
    where latest.workspace_id = ${sources}.workspace_id
      and latest.source_id = ${sources}.id
      and latest.id = ${sources}.latest_snapshot_id
  )`.mapWith((value: unknown) => (value === null ? null : Number(value))),
};

export async function insertSource(db: Db, values: NewSource): Promise<Source> {
  const rows = await db.insert(sources).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into sources returned no row');
  return row;
}

export async function getSource(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<SourceWithItemCount | undefined> {
  const rows = await db
    .select(withItemCount)
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .limit(1);
  return rows[0];
}

/** The same row, locked until the transaction ends: syncs of one source take turns. */
export async function lockSource(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Source | undefined> {
  const rows = await db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .limit(1)
    .for('update');
  return rows[0];
}

export async function listSources(
  db: Db,
  {
    workspaceId,
    limit,
    after,
  }: { workspaceId: string; limit: number; after?: PageAfter | undefined },
): Promise<SourceWithItemCount[]> {
  return db
    .select(withItemCount)
    .from(sources)
    .where(
      and(eq(sources.workspaceId, workspaceId), afterCursor(sources.createdAt, sources.id, after)),
    )
    .orderBy(sources.createdAt, sources.id)
    .limit(limit);
}

export async function updateSource(
  db: Db,
  { workspaceId, id, changes }: { workspaceId: string; id: string; changes: SourceChanges },
): Promise<SourceWithItemCount | undefined> {
  const rows = await db
    .update(sources)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .returning(withItemCount);
  return rows[0];
}

export async function deleteSource(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<SourceWithItemCount | undefined> {
  const rows = await db
    .delete(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .returning(withItemCount);
  return rows[0];
}

/**
 * Sources whose scheduled sync is due, across workspaces: the scheduler's one cross-tenant read.
 * It returns ids only; every sync then runs scoped to the source's own workspace.
 */
export async function listDueSources(
  db: Db,
  { now, limit }: { now: Date; limit: number },
): Promise<Array<{ id: string; workspaceId: string }>> {
  return db
    .select({ id: sources.id, workspaceId: sources.workspaceId })
    .from(sources)
    .where(lte(sources.nextSyncAt, now))
    .orderBy(sources.nextSyncAt)
    .limit(limit);
}

/** Sources named `name` (case-insensitive), for the CLI's `toombos sync <name>`. */
export async function findSourcesByName(
  db: Db,
  { workspaceId, name }: { workspaceId: string; name: string },
): Promise<SourceWithItemCount[]> {
  return db
    .select(withItemCount)
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), sql`lower(${sources.name}) = lower(${name})`))
    .orderBy(sources.createdAt, sources.id)
    .limit(10);
}
