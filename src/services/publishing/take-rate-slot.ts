import type { Db } from '../../db/client.ts';
import { incrementConnectionWindow } from '../../db/queries/connection-windows.ts';
import type { Connection } from '../../db/queries/connections.ts';

/**
 * The per-connection rate limit, enforced where work is taken, in the database, so every worker
 * process counts against the same window: null = go now; a Date = the window is full, come back
 * then. A delivery refused here has not used a slot of a later window.
 */
export async function takeRateSlot(
  db: Db,
  connection: Connection,
  now: Date,
): Promise<Date | null> {
  const { rateLimit, ratePerSeconds } = connection;
  if (rateLimit === null || ratePerSeconds === null) return null;
  const windowMs = ratePerSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const count = await incrementConnectionWindow(db, {
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
    windowStart,
  });
  return count <= rateLimit ? null : new Date(windowStart.getTime() + windowMs);
}
