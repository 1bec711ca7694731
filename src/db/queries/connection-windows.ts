import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { connectionWindows } from '../publishing-schema.ts';

/** Counts one more delivery in a connection's window and returns the new count (atomic). */
export async function incrementConnectionWindow(
  db: Db,
  values: { workspaceId: string; connectionId: string; windowStart: Date },
): Promise<number> {
  const rows = await db
    .insert(connectionWindows)
    .values({ ...values, count: 1 })
    .onConflictDoUpdate({
      target: [connectionWindows.connectionId, connectionWindows.windowStart],
      set: { count: sql`${connectionWindows.count} + 1` },
    })
    .returning({ count: connectionWindows.count });
  return rows[0]?.count ?? 1;
}

/** Housekeeping across tenants: removes only finished windows. */
export async function deleteOldConnectionWindows(db: Db, { before }: { before: Date }) {
  await db.delete(connectionWindows).where(lt(connectionWindows.windowStart, before));
}
