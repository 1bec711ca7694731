import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { idempotencyKeys } from '../schema.ts';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;
type Scope = { workspaceId: string; principal: string; key: string };

/** Claims the key for this request; returns false when an earlier request holds it. */
export async function claimIdempotencyKey(
  db: Db,
  values: Scope & { method: string; path: string; requestHash: string },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function getIdempotencyRecord(
  db: Db,
  scope: Scope,
): Promise<IdempotencyRecord | undefined> {
  const rows = await db.select().from(idempotencyKeys).where(whereScope(scope)).limit(1);
  return rows[0];
}

export async function completeIdempotencyKey(
  db: Db,
  scope: Scope,
  response: { statusCode: number; responseBody: string; responseContentType: string | null },
): Promise<void> {
  await db.update(idempotencyKeys).set(response).where(whereScope(scope));
}

/** Frees a key whose first request failed on our side, so the client's retry can run. */
export async function releaseIdempotencyKey(db: Db, scope: Scope): Promise<void> {
  await db.delete(idempotencyKeys).where(whereScope(scope));
}

/** Housekeeping across tenants: keys are honoured for 24 h, like Stripe's. */
export async function deleteOldIdempotencyKeys(
  db: Db,
  { before }: { before: Date },
): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}

function whereScope({ workspaceId, principal, key }: Scope) {
  return and(
    eq(idempotencyKeys.workspaceId, workspaceId),
    eq(idempotencyKeys.principal, principal),
    eq(idempotencyKeys.key, key),
  );
}
