import type { Database } from '../db/client.ts';
import { incrementRateLimitWindow } from '../db/queries/rate-limit-windows.ts';
import {
  createFixedWindowCounter,
  secondsLeftInWindow,
  windowStart,
} from '../lib/fixed-window-counter.ts';

export interface RateLimitState {
  limit: number;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface RateLimiter {
  hit(apiKeyId: string, workspaceId: string, limit: number, now?: Date): Promise<RateLimitState>;
}

/** Slots one process takes at once on PostgreSQL: 1 % of the limit, between 1 and 50. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(50, Math.floor(limit / 100)));
}

/**
 * Fixed one-minute windows per key. PGlite admits one process per data directory (see
 * lock-data-dir.ts), so a counter in memory is exact there and costs no query.
 *
 * On PostgreSQL the counter is a row every api process adds to atomically, so the limit holds
 * across processes. A process takes a lease of `leaseSize(limit)` consecutive counts at once and
 * hands them to its next requests, so a busy key costs one write per lease instead of one per
 * request (ADR 0004). Never more than `limit` requests pass in a window; slots a process leased
 * but did not use by the window's end can refuse other processes' requests early, at most
 * `leaseSize - 1` (1 % of the limit) per process. Limits under 200 a minute lease one at a time:
 * exact, as before.
 */
export function createRateLimiter(database: Database): RateLimiter {
  if (database.kind === 'postgres') {
    const leases = new Map<string, { window: number; next: number; last: number }>();
    const leasing = new Map<string, Promise<void>>();
    const lease = async (apiKeyId: string, workspaceId: string, window: number, size: number) => {
      const last = await incrementRateLimitWindow(
        database.db,
        { workspaceId, apiKeyId, windowStart: new Date(window) },
        size,
      );
      if (leases.size > 10_000)
        for (const [key, held] of leases) if (held.window < window) leases.delete(key);
      leases.set(apiKeyId, { window, next: last - size + 1, last });
    };
    return {
      async hit(apiKeyId, workspaceId, limit, now = new Date()) {
        const window = windowStart(now.getTime());
        for (;;) {
          const held = leases.get(apiKeyId);
          if (held && held.window === window && held.next <= held.last) {
            const count = held.next;
            held.next += 1;
            return { limit, count, resetSeconds: secondsLeftInWindow(now.getTime()) };
          }
          // One lease in flight per key: concurrent requests wait for it, then take its slots.
          let pending = leasing.get(apiKeyId);
          if (!pending) {
            pending = lease(apiKeyId, workspaceId, window, leaseSize(limit)).finally(() =>
              leasing.delete(apiKeyId),
            );
            leasing.set(apiKeyId, pending);
          }
          await pending;
        }
      },
    };
  }
  const counter = createFixedWindowCounter();
  return {
    async hit(apiKeyId, _workspaceId, limit, now = new Date()) {
      const count = counter.hit(apiKeyId, now.getTime());
      return { limit, count, resetSeconds: secondsLeftInWindow(now.getTime()) };
    },
  };
}
