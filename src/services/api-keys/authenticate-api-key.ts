import type { Db } from '../../db/client.ts';
import { getApiKeyByHash } from '../../db/queries/api-keys.ts';
import type { Scope } from '../../db/schema.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

export interface AuthenticatedKey {
  id: string;
  workspaceId: string;
  scopes: Scope[];
  rateLimitPerMinute: number | null;
}

export async function authenticateApiKey(
  db: Db,
  { key }: { key: string },
): Promise<AuthenticatedKey> {
  const row = key.startsWith('tbk_')
    ? await getApiKeyByHash(db, { keyHash: sha256Hex(key) })
    : undefined;
  if (!row || row.revokedAt) {
    // Same answer for unknown and revoked keys: a caller learns nothing about which keys exist.
    throw new AppError('unauthorized', 'The API key is not valid or has been revoked.');
  }
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
