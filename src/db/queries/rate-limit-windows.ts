import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateLimitWindows } from '../schema.ts';

/** Atomic increment-and-read of one key's window; concurrent api processes serialise on the row. */
export async function incrementRateLimitWindow(
  db: Db,
  values: { workspaceId: string; apiKeyId: string; windowStart: Date },
): Promise<number> {
  const rows = await db
    .insert(rateLimitWindows)
    .values({ ...values, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitWindows.apiKeyId, rateLimitWindows.windowStart],
      set: { count: sql`${rateLimitWindows.count} + 1` },
    })
    .returning({ count: rateLimitWindows.count });
  return rows[0]?.count ?? 1;
}

/** Housekeeping across tenants: removes only finished windows. */
export async function deleteOldRateLimitWindows(
  db: Db,
  { before }: { before: Date },
): Promise<void> {
  await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
}
