import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiKeys, type Scope } from '../schema.ts';
import type { PageAfter } from './page.ts';
import { afterCursor } from './page.ts';

export type ApiKey = typeof apiKeys.$inferSelect;

export async function insertApiKey(
  db: Db,
  values: {
    workspaceId: string;
    name: string;
    prefix: string;
    keyHash: string;
    scopes: Scope[];
    rateLimitPerMinute?: number | null;
  },
): Promise<ApiKey> {
  const rows = await db.insert(apiKeys).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into api_keys returned no row');
  return row;
}

/**
 * Authentication lookup by hash. The only query that starts from a credential rather than a
 * workspace: the key's row is what tells us the workspace.
 */
export async function getApiKeyByHash(
  db: Db,
  { keyHash }: { keyHash: string },
): Promise<ApiKey | undefined> {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  return rows[0];
}

export async function getApiKey(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<ApiKey | undefined> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)))
    .limit(1);
  return rows[0];
}

export async function listApiKeys(
  db: Db,
  {
    workspaceId,
    limit,
    after,
  }: { workspaceId: string; limit: number; after?: PageAfter | undefined },
): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(
      and(eq(apiKeys.workspaceId, workspaceId), afterCursor(apiKeys.createdAt, apiKeys.id, after)),
    )
    .orderBy(apiKeys.createdAt, apiKeys.id)
    .limit(limit);
}

export async function revokeApiKey(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<ApiKey | undefined> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)))
    .returning();
  return rows[0];
}

/** Only writes when the stored value is older than `olderThan`, so hot keys do not write per request. */
export async function touchApiKey(
  db: Db,
  {
    workspaceId,
    id,
    now,
    olderThan,
  }: { workspaceId: string; id: string; now: Date; olderThan: Date },
): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.workspaceId, workspaceId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, olderThan)),
      ),
    );
}
