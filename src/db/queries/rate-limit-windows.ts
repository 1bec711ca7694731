import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimitWindows } from '../schema.ts';

/**
 * Atomic add-and-read of one key's window (`by` requests, default 1); concurrent api processes
 * serialise on the row. Returns the count after the addition.
 */
export async function incrementRateLimitWindow(
  db: Db,
  values: { workspaceId: string; apiKeyId: string; windowStart: Date },
  by = 1,
): Promise<number> {
  const rows = await db
    .insert(rateLimitWindows)
    .values({ ...values, count: by })
    .onConflictDoUpdate({
      target: [rateLimitWindows.apiKeyId, rateLimitWindows.windowStart],
      set: { count: sql`${rateLimitWindows.count} + ${by}` },
    })
    .returning({ count: rateLimitWindows.count });
  return rows[0]?.count ?? by;
}

/** Housekeeping across tenants: removes only finished windows. */
export async function deleteOldRateLimitWindows(
  db: Db,
  { before }: { before: Date },
): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
}
