import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { deleteOldConnectionWindows } from '../db/queries/connection-windows.ts';
import { deleteOldIdempotencyKeys } from '../db/queries/idempotency-keys.ts';
import { deleteOldRateLimitWindows } from '../db/queries/rate-limit-windows.ts';
import { deleteExpiredSessions } from '../db/queries/sessions.ts';

const EVERY_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes rows that can no longer matter: expired sessions, idempotency keys past 24 h, old rate
 * windows of API keys and of connections.
 */
export function startHousekeeping(
  db: Db,
  { log, everyMs = EVERY_MS }: { log: Logger; everyMs?: number },
): { stop(): void } {
  const run = async () => {
    const now = new Date();
    try {
      await deleteExpiredSessions(db, { now });
      await deleteOldIdempotencyKeys(db, { before: new Date(now.getTime() - DAY_MS) });
      await deleteOldRateLimitWindows(db, { before: new Date(now.getTime() - 5 * 60_000) });
      // A connection's window lasts at most a day (rateLimit.perSeconds ≤ 86,400).
      await deleteOldConnectionWindows(db, { before: new Date(now.getTime() - 2 * DAY_MS) });
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will retry');
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
