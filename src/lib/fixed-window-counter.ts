/** One-minute windows aligned to the clock, as every rate limit here counts them. */
export const WINDOW_MS = 60_000;

export function windowStart(now: number): number {
  return Math.floor(now / WINDOW_MS) * WINDOW_MS;
}

export function secondsLeftInWindow(now: number): number {
  return Math.ceil((windowStart(now) + WINDOW_MS - now) / 1000);
}

/**
 * In-memory fixed-window counts per key: exact for one process. Keys of past windows are dropped
 * when the map grows past `maxKeys`, so the map cannot grow without bound.
 */
export function createFixedWindowCounter({ maxKeys = 50_000 }: { maxKeys?: number } = {}) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one hit for `key` and returns the count in the current window, this hit included. */
    hit(key: string, now: number): number {
      const start = windowStart(now);
      const current = windows.get(key);
      if (current && current.start === start) return ++current.count;
      if (!current && windows.size >= maxKeys) {
        for (const [stale, window] of windows) if (window.start !== start) windows.delete(stale);
      }
      windows.set(key, { start, count: 1 });
      return 1;
    },
  };
}
