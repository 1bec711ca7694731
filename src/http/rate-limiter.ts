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

/**
 * Fixed one-minute windows per key. On PostgreSQL the counter is a row every api process
 * increments atomically, so the limit holds across processes. PGlite admits one process per data
 * directory (see lock-data-dir.ts), so a counter in memory is exact there and costs no query.
 */
export function createRateLimiter(database: Database): RateLimiter {
  if (database.kind === 'postgres') {
    return {
      async hit(apiKeyId, workspaceId, limit, now = new Date()) {
        const count = await incrementRateLimitWindow(database.db, {
          workspaceId,
          apiKeyId,
          windowStart: new Date(windowStart(now.getTime())),
        });
        return { limit, count, resetSeconds: secondsLeftInWindow(now.getTime()) };
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
