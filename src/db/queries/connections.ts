import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { connections } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type Connection = typeof connections.$inferSelect;
export type NewConnection = Omit<typeof connections.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertConnection(db: Db, values: NewConnection): Promise<Connection> {
  const rows = await db.insert(connections).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into connections returned no row');
  return row;
}

export async function getConnection(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Connection | undefined> {
  const rows = await db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .limit(1);
  return rows[0];
}

export async function listConnections(
  db: Db,
  {
    workspaceId,
    limit,
    after,
  }: { workspaceId: string; limit: number; after?: PageAfter | undefined },
): Promise<Connection[]> {
  return db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.workspaceId, workspaceId),
        afterCursor(connections.createdAt, connections.id, after),
      ),
    )
    .orderBy(connections.createdAt, connections.id)
    .limit(limit);
}

export async function updateConnection(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
  values: Partial<
    Pick<
      NewConnection,
      'name' | 'config' | 'credentials' | 'rateLimit' | 'ratePerSeconds' | 'status'
    >
  >,
): Promise<Connection | undefined> {
  const rows = await db
    .update(connections)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .returning();
  return rows[0];
}

export async function deleteConnection(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<boolean> {
  const rows = await db
    .delete(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .returning({ id: connections.id });
  return rows.length > 0;
}

/**
 * The workspace's sandbox connection for a channel, created on first use (one per channel: a
 * partial unique index), so every workspace can publish to its outbox without setup.
 */
export async function ensureSandboxConnection(
  db: Db,
  { workspaceId, channel }: { workspaceId: string; channel: string },
): Promise<Connection> {
  await db
    .insert(connections)
    .values({ workspaceId, channel, provider: 'sandbox', name: `Sandbox (${channel})`, config: {} })
    .onConflictDoNothing({
      target: [connections.workspaceId, connections.channel],
      where: sql`${connections.provider} = 'sandbox'`,
    });
  const rows = await db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.workspaceId, workspaceId),
        eq(connections.channel, channel),
        eq(connections.provider, 'sandbox'),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) throw new Error('sandbox connection neither inserted nor found');
  return row;
}
