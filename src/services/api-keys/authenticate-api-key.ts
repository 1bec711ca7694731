import type { Db } from '../../db/client.ts';
import { getApiKeyByHash, touchApiKey } from '../../db/queries/api-keys.ts';
import type { Scope } from '../../db/schema.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

export interface AuthenticatedKey {
  id: string;
  workspaceId: string;
  scopes: Scope[];
  rateLimitPerMinute: number | null;
}

// last_used_at is for humans ("used 3 minutes ago"): one write per key per minute is plenty.
const TOUCH_EVERY_MS = 60_000;

export async function authenticateApiKey(
  db: Db,
  { key, now = new Date() }: { key: string; now?: Date },
): Promise<AuthenticatedKey> {
  const row = key.startsWith('tbk_')
    ? await getApiKeyByHash(db, { keyHash: sha256Hex(key) })
    : undefined;
  if (!row || row.revokedAt) {
    // Same answer for unknown and revoked keys: a caller learns nothing about which keys exist.
    throw new AppError('unauthorized', 'The API key is not valid or has been revoked.');
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchApiKey(db, {
      workspaceId: row.workspaceId,
      id: row.id,
      now,
      olderThan: new Date(now.getTime() - TOUCH_EVERY_MS),
    });
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
