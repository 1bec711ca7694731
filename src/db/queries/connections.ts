import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { connections } from '../publishing-schema.ts';
import { afterCursor, type PageAfter } from './page.ts';
import { inScopedRefs, type ScopedRef } from './scoped-refs.ts';

export type Connection = typeof connections.$inferSelect;
export type NewConnection = Omit<typeof connections.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Inserts a connection unless a unique index refuses it: the only one a new row can hit is the
 * one-sandbox-per-channel index, so undefined means "this channel already has its sandbox".
 */
export async function insertConnectionUnlessTaken(
  db: Db,
  values: NewConnection,
): Promise<Connection | undefined> {
  const rows = await db.insert(connections).values(values).onConflictDoNothing().returning();
  return rows[0];
}

/** The connection, its row locked until the transaction ends (for read-then-write updates). */
export async function lockConnection(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Connection | undefined> {
  const rows = await db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
    .for('update')
    .limit(1);
  return rows[0];
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

// `on delete restrict` raises restrict_violation; `no action` (checked later) foreign_key_violation.
const STILL_REFERENCED = new Set(['23001', '23503']);

/**
 * Deletes a connection unless deliveries refer to it (their foreign key is `on delete restrict`):
 * then `in_use`. The delete runs in a savepoint, so a refused one leaves the caller's
 * transaction usable.
 */
export async function deleteUnusedConnection(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Connection | 'in_use' | undefined> {
  try {
    return await db.transaction(async (savepoint) => {
      const rows = await savepoint
        .delete(connections)
        .where(and(eq(connections.workspaceId, workspaceId), eq(connections.id, id)))
        .returning();
      return rows[0];
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    const code = (cause as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && STILL_REFERENCED.has(code)) return 'in_use';
    throw error;
  }
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

/** Several connections at once, each in its own workspace. */
export async function getConnectionsByRefs(
  db: Db,
  refs: readonly ScopedRef[],
): Promise<Connection[]> {
  return db
    .select()
    .from(connections)
    .where(inScopedRefs(connections.workspaceId, connections.id, refs));
}
