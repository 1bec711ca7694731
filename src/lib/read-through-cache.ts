/**
 * A small read-through cache for hot, rarely-changing rows, with two invalidation paths: `evict`
 * (called when the process learns of a change) and a TTL (the bound on staleness if a change
 * notice is ever missed). A load that started before an eviction is not stored, so a value read
 * just before a change cannot outlive the change's notice.
 */
export interface ReadThroughCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  evict(key: string): void;
  clear(): void;
}

export function createReadThroughCache<V>({
  ttlMs,
  maxEntries,
  now = Date.now,
}: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ReadThroughCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  let epoch = 0;
  return {
    async get(key, load) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.value;
      const startedAt = epoch;
      const value = await load();
      if (startedAt === epoch) {
        // Map keeps insertion order: dropping the first key drops the oldest entry.
        if (entries.size >= maxEntries && !entries.has(key)) {
          const oldest = entries.keys().next();
          if (!oldest.done) entries.delete(oldest.value);
        }
        entries.set(key, { value, expiresAt: now() + ttlMs });
      }
      return value;
    },
    evict(key) {
      epoch += 1;
      entries.delete(key);
    },
    clear() {
      epoch += 1;
      entries.clear();
    },
  };
}
