import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { deleteOldIdempotencyKeys } from '../db/queries/idempotency-keys.ts';
import { deleteOldRateLimitWindows } from '../db/queries/rate-limit-windows.ts';
import { deleteExpiredSessions } from '../db/queries/sessions.ts';

const EVERY_MS = 10 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** Deletes rows that can no longer matter: expired sessions, idempotency keys past 24 h, old rate windows. */
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
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will retry');
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
