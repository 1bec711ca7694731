import type { Database } from '../db/client.ts';
import { incrementRateLimitWindow } from '../db/queries/rate-limit-windows.ts';

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

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per key. On PostgreSQL the counter is a row every api process
 * increments atomically, so the limit holds across processes. PGlite admits one process per data
 * directory (see lock-data-dir.ts), so a counter in memory is exact there and costs no query.
 */
export function createRateLimiter(database: Database): RateLimiter {
  if (database.kind === 'postgres') {
    return {
      async hit(apiKeyId, workspaceId, limit, now = new Date()) {
        const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
        const count = await incrementRateLimitWindow(database.db, {
          workspaceId,
          apiKeyId,
          windowStart: new Date(windowStart),
        });
        return {
          limit,
          count,
          resetSeconds: Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000),
        };
      },
    };
  }
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(apiKeyId, _workspaceId, limit, now = new Date()) {
      const start = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
      const current = windows.get(apiKeyId);
      const window = current && current.start === start ? current : { start, count: 0 };
      window.count += 1;
      windows.set(apiKeyId, window);
      return {
        limit,
        count: window.count,
        resetSeconds: Math.ceil((start + WINDOW_MS - now.getTime()) / 1000),
      };
    },
  };
}
