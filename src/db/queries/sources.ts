import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sources } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type Source = typeof sources.$inferSelect;
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

export async function insertSource(db: Db, values: NewSource): Promise<Source> {
  const rows = await db.insert(sources).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into sources returned no row');
  return row;
}

export async function getSource(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Source | undefined> {
  const rows = await db
    .select()
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
): Promise<Source[]> {
  return db
    .select()
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
): Promise<Source | undefined> {
  const rows = await db
    .update(sources)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .returning();
  return rows[0];
}

export async function deleteSource(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Source | undefined> {
  const rows = await db
    .delete(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)))
    .returning();
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
): Promise<Source[]> {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), sql`lower(${sources.name}) = lower(${name})`))
    .orderBy(sources.createdAt, sources.id)
    .limit(10);
}
