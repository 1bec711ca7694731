import type { EventBus } from '../events/bus.ts';
import { createReadThroughCache, type ReadThroughCache } from '../lib/read-through-cache.ts';
import type { AuthenticatedKey } from '../services/api-keys/authenticate-api-key.ts';
import type { WorkspaceView } from '../services/workspaces/workspace-view.ts';

/**
 * Per-process caches of what nearly every request reads: the caller's API key and its workspace.
 * A change is seen at once by the process that made it (its route evicts) and, through the event
 * bus, by every other process within milliseconds; the TTL bounds staleness if a notice is lost
 * while the bus reconnects (docs/adr/0005-read-caches.md).
 */
export interface ReadCaches {
  /** Keyed by the key's SHA-256: the only thing a request knows before the lookup. */
  apiKeys: ReadThroughCache<AuthenticatedKey>;
  workspaces: ReadThroughCache<WorkspaceView>;
}

const TTL_MS = 10_000;

export function createReadCaches(): ReadCaches {
  return {
    apiKeys: createReadThroughCache({ ttlMs: TTL_MS, maxEntries: 10_000 }),
    workspaces: createReadThroughCache({ ttlMs: TTL_MS, maxEntries: 10_000 }),
  };
}

/** Keeps the caches true to changes made by any process; returns the unsubscribe function. */
export function evictOnEvents(caches: ReadCaches, bus: EventBus): () => void {
  return bus.subscribe((event) => {
    // Revocations are rare and the key cache is keyed by hash, not id: drop it whole.
    if (event.type === 'api_key.revoked') caches.apiKeys.clear();
    if (event.type === 'workspace.updated') caches.workspaces.evict(event.workspaceId);
  });
}
