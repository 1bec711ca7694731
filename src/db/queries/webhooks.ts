import { and, asc, desc, eq, gt, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  eventSequences,
  type WebhookAttempt,
  type WebhookStatus,
  webhookDeliveries,
  webhookEndpoints,
} from '../events-schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
type Scope = { workspaceId: string; id: string };

export async function insertWebhookEndpoint(
  db: Db,
  values: Omit<typeof webhookEndpoints.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<WebhookEndpoint> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error('insertWebhookEndpoint: no row returned');
  return row;
}

export async function getWebhookEndpoint(db: Db, scope: Scope) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.workspaceId, scope.workspaceId), eq(webhookEndpoints.id, scope.id)),
    )
    .limit(1);
  return row;
}

export async function listWebhookEndpoints(
  db: Db,
  filter: { workspaceId: string; limit: number; after?: PageAfter | undefined },
): Promise<WebhookEndpoint[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.workspaceId, filter.workspaceId),
        afterCursor(webhookEndpoints.createdAt, webhookEndpoints.id, filter.after),
      ),
    )
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id)
    .limit(filter.limit);
}

export async function updateWebhookEndpoint(
  db: Db,
  scope: Scope,
  changes: Partial<
    Pick<
      WebhookEndpoint,
      | 'url'
      | 'description'
      | 'eventTypes'
      | 'status'
      | 'disabledReason'
      | 'lastSeq'
      | 'failingSince'
    >
  >,
): Promise<WebhookEndpoint | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    // The dispatcher's cursor and the failure clock are bookkeeping, not edits.
    .set(
      Object.keys(changes).every((key) => key === 'lastSeq' || key === 'failingSince')
        ? changes
        : { ...changes, updatedAt: new Date() },
    )
    .where(
      and(eq(webhookEndpoints.workspaceId, scope.workspaceId), eq(webhookEndpoints.id, scope.id)),
    )
    .returning();
  return row;
}

export async function deleteWebhookEndpoint(db: Db, scope: Scope) {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.workspaceId, scope.workspaceId), eq(webhookEndpoints.id, scope.id)),
    )
    .returning();
  return row;
}

/** The workspace's current event position (0 before any event). */
export async function currentEventSeq(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ lastSeq: eventSequences.lastSeq })
    .from(eventSequences)
    .where(eq(eventSequences.workspaceId, workspaceId));
  return row?.lastSeq ?? 0;
}

/**
 * Active endpoints with events they have not been handed yet, locked for this transaction
 * (SKIP LOCKED: two dispatchers share the work instead of waiting on each other).
 */
export async function claimEndpointsBehind(db: Db, limit: number): Promise<WebhookEndpoint[]> {
  return db
    .select({ endpoint: webhookEndpoints })
    .from(webhookEndpoints)
    .innerJoin(eventSequences, eq(eventSequences.workspaceId, webhookEndpoints.workspaceId))
    .where(
      and(
        eq(webhookEndpoints.status, 'active'),
        gt(eventSequences.lastSeq, webhookEndpoints.lastSeq),
      ),
    )
    .orderBy(webhookEndpoints.id)
    .limit(limit)
    .for('update', { of: webhookEndpoints, skipLocked: true })
    .then((rows) => rows.map((row) => row.endpoint));
}

/** New deliveries; one per endpoint and event (a repeat is ignored). Returns those inserted. */
export async function insertWebhookDeliveries(
  db: Db,
  rows: Array<Omit<typeof webhookDeliveries.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>>,
): Promise<WebhookDelivery[]> {
  if (rows.length === 0) return [];
  return db
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] })
    .returning();
}

export async function getWebhookDelivery(
  db: Db,
  scope: Scope & { endpointId?: string | undefined },
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, scope.workspaceId),
        eq(webhookDeliveries.id, scope.id),
        scope.endpointId === undefined
          ? undefined
          : eq(webhookDeliveries.endpointId, scope.endpointId),
      ),
    )
    .limit(1);
  return row;
}

/** An endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(
  db: Db,
  filter: { workspaceId: string; endpointId: string; limit: number; after?: PageAfter | undefined },
): Promise<WebhookDelivery[]> {
  const { after } = filter;
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, filter.workspaceId),
        eq(webhookDeliveries.endpointId, filter.endpointId),
        after === undefined
          ? undefined
          : or(
              sql`${webhookDeliveries.createdAt} < ${after.createdAt}`,
              and(
                eq(webhookDeliveries.createdAt, after.createdAt),
                sql`${webhookDeliveries.id} < ${after.id}`,
              ),
            ),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filter.limit);
}

/**
 * Takes a due pending delivery for one attempt: compare-and-set on its due time, which moves to
 * `leaseUntil` so a second worker skips it and the reconciler retries it if this one dies.
 */
export async function claimWebhookDelivery(
  db: Db,
  scope: Scope,
  { now, leaseUntil }: { now: Date; leaseUntil: Date },
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil, updatedAt: now })
    .where(
      and(
        eq(webhookDeliveries.workspaceId, scope.workspaceId),
        eq(webhookDeliveries.id, scope.id),
        eq(webhookDeliveries.status, 'pending'),
        isNotNull(webhookDeliveries.nextAttemptAt),
        lte(webhookDeliveries.nextAttemptAt, now),
      ),
    )
    .returning();
  return row;
}

/** Records one attempt's outcome and what happens next. */
export async function recordWebhookAttempt(
  db: Db,
  scope: Scope,
  outcome: {
    attempt: WebhookAttempt;
    status: 'pending' | 'succeeded' | 'failed';
    nextAttemptAt: Date | null;
    windowStartedAt?: Date | undefined;
  },
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt,
      ...(outcome.windowStartedAt && { windowStartedAt: outcome.windowStartedAt }),
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: outcome.attempt.statusCode,
      lastError: outcome.attempt.error,
      log: sql`${webhookDeliveries.log} || ${JSON.stringify([outcome.attempt])}::jsonb`,
      updatedAt: new Date(),
    })
    .where(
      and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, scope.id)),
    )
    .returning();
  return row;
}

/** Puts a delivery back in line now, with a fresh retry window (manual replay). */
export async function requeueWebhookDelivery(db: Db, scope: Scope, now: Date) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now, windowStartedAt: now, updatedAt: now })
    .where(
      and(eq(webhookDeliveries.workspaceId, scope.workspaceId), eq(webhookDeliveries.id, scope.id)),
    )
    .returning();
  return row;
}

/** Pending deliveries due for longer than `graceMs` (their job was lost, or its worker died). */
export async function findOverdueWebhookDeliveries(
  db: Db,
  { now, graceMs, limit }: { now: Date; graceMs: number; limit: number },
): Promise<Array<{ workspaceId: string; deliveryId: string }>> {
  const rows = await db
    .select({ workspaceId: webhookDeliveries.workspaceId, deliveryId: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - graceMs)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
  return rows;
}

export async function setEndpointStatus(
  db: Db,
  scope: Scope,
  status: WebhookStatus,
  reason: string | null,
): Promise<WebhookEndpoint | undefined> {
  return updateWebhookEndpoint(db, scope, { status, disabledReason: reason });
}
