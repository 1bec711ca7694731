import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import {
  type AuthenticatedKey,
  authenticateApiKey,
} from '../../services/api-keys/authenticate-api-key.ts';
import {
  API_KEY_USE_RESOLUTION_MS,
  recordApiKeyUse,
} from '../../services/api-keys/record-api-key-use.ts';
import type { ReadCaches } from '../read-caches.ts';

export type ApiKeyAuth = (key: string) => Promise<AuthenticatedKey>;

/**
 * API-key authentication off the hot path: the key comes from the read cache, and its last-used
 * time is written in the background at most once a minute per key per process.
 */
export function createApiKeyAuth(db: Db, caches: ReadCaches, log: Logger): ApiKeyAuth {
  const lastRecorded = new Map<string, number>();
  return async (key) => {
    const found = await caches.apiKeys.get(sha256Hex(key), () => authenticateApiKey(db, { key }));
    const now = Date.now();
    if (now - (lastRecorded.get(found.id) ?? 0) > API_KEY_USE_RESOLUTION_MS) {
      lastRecorded.set(found.id, now);
      recordApiKeyUse(db, { workspaceId: found.workspaceId, id: found.id }).catch(
        (error: unknown) =>
          log.warn({ err: error, apiKeyId: found.id }, 'could not record API key use'),
      );
    }
    return found;
  };
}
