import { and, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type DeliveryAttempt, type DeliveryState, deliveries } from '../publishing-schema.ts';
import { afterCursor, keysetOrder, type PageAfter, type PageOrder } from './page.ts';
import { inScopedRefs, type ScopedRef } from './scoped-refs.ts';

export type Delivery = typeof deliveries.$inferSelect;
export type NewDelivery = Omit<
  typeof deliveries.$inferInsert,
  'createdAt' | 'updatedAt' | 'attempts' | 'remoteId' | 'remoteUrl' | 'lastError' | 'sendingAt'
>;
type Scope = { workspaceId: string; id: string };

/** Inserts new deliveries; one that exists already (same draft, connection and batch) is kept. */
export async function insertDeliveries(db: Db, rows: NewDelivery[]): Promise<Delivery[]> {
  if (rows.length === 0) return [];
  return db.insert(deliveries).values(rows).onConflictDoNothing().returning();
}

export async function getDelivery(
  db: Db,
  { workspaceId, id }: Scope,
): Promise<Delivery | undefined> {
  const rows = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)))
    .limit(1);
  return rows[0];
}

/** Which of a workspace's deliveries to list, and in which order of creation. */
export interface DeliveryListFilter {
  workspaceId: string;
  campaignId?: string | undefined;
  state?: DeliveryState | undefined;
  channel?: string | undefined;
  /** `due_at` (the scheduled time, then each retry's) in `[dueFrom, dueTo)`. */
  dueFrom?: Date | undefined;
  dueTo?: Date | undefined;
  limit: number;
  after?: PageAfter | undefined;
  order?: PageOrder | undefined;
}

export async function listDeliveries(db: Db, filter: DeliveryListFilter): Promise<Delivery[]> {
  const order = filter.order ?? 'asc';
  const where = and(
    eq(deliveries.workspaceId, filter.workspaceId),
    filter.campaignId === undefined ? undefined : eq(deliveries.campaignId, filter.campaignId),
    filter.state === undefined ? undefined : eq(deliveries.state, filter.state),
    filter.channel === undefined ? undefined : eq(deliveries.channel, filter.channel),
    filter.dueFrom === undefined ? undefined : gte(deliveries.dueAt, filter.dueFrom),
    filter.dueTo === undefined ? undefined : lt(deliveries.dueAt, filter.dueTo),
    afterCursor(deliveries.createdAt, deliveries.id, filter.after, order),
  );
  // A window (the calendar) is read through `deliveries_workspace_due`, then sorted.
  const sortAfterFilter = filter.dueFrom !== undefined || filter.dueTo !== undefined;
  return db
    .select()
    .from(deliveries)
    .where(where)
    .orderBy(...keysetOrder(deliveries.createdAt, deliveries.id, order, { sortAfterFilter }))
    .limit(filter.limit);
}

export async function listDeliveriesOfCampaign(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<Delivery[]> {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.campaignId, campaignId)))
    .orderBy(deliveries.createdAt, deliveries.id);
}

/**
 * Moves a delivery from one state to the next only if it is still in `from` (compare-and-set):
 * of two workers racing for the same delivery, exactly one gets the row back.
 */
export async function transitionDelivery(
  db: Db,
  { workspaceId, id }: Scope,
  from: readonly DeliveryState[],
  values: Partial<
    Pick<
      Delivery,
      | 'state'
      | 'dueAt'
      | 'sendBy'
      | 'remoteId'
      | 'remoteUrl'
      | 'lastError'
      | 'reason'
      | 'sendingAt'
      | 'recipients'
    >
  > & { attempt?: DeliveryAttempt | undefined; dueBefore?: Date | undefined },
): Promise<Delivery | undefined> {
  const { attempt, dueBefore, ...set } = values;
  const rows = await db
    .update(deliveries)
    .set({
      ...set,
      ...(attempt === undefined
        ? {}
        : { attempts: sql`${deliveries.attempts} || ${JSON.stringify([attempt])}::jsonb` }),
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        eq(deliveries.id, id),
        inArray(deliveries.state, [...from]),
        dueBefore === undefined ? undefined : lte(deliveries.dueAt, dueBefore),
      ),
    )
    .returning();
  return rows[0];
}

/**
 * Across tenants, for the reconciler only: deliveries whose next step is due but may have no job
 * (a lost enqueue, a crashed worker): `scheduled` or `unknown` past their due time, and `sending`
 * rows whose call started before `staleSendingBefore` (the worker died mid-call).
 */
export async function listStalledDeliveries(
  db: Db,
  {
    dueBefore,
    staleSendingBefore,
    limit,
  }: { dueBefore: Date; staleSendingBefore: Date; limit: number },
): Promise<Pick<Delivery, 'id' | 'workspaceId' | 'state'>[]> {
  return db
    .select({ id: deliveries.id, workspaceId: deliveries.workspaceId, state: deliveries.state })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.state, ['scheduled', 'sending', 'unknown']),
        lte(deliveries.dueAt, dueBefore),
        sql`(${deliveries.state} <> 'sending' or ${deliveries.sendingAt} < ${staleSendingBefore.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(deliveries.dueAt)
    .limit(limit);
}

/** Removes a campaign's deliveries that never started (a reschedule or an edit replaces them). */
export async function deleteScheduledDeliveries(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<number> {
  const rows = await db
    .delete(deliveries)
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        eq(deliveries.campaignId, campaignId),
        eq(deliveries.state, 'scheduled'),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}

export async function deleteDelivery(db: Db, { workspaceId, id }: Scope): Promise<void> {
  await db
    .delete(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, id)));
}

/** Several deliveries at once, each in its own workspace (a worker's batch of jobs). */
export async function getDeliveriesByRefs(db: Db, refs: readonly ScopedRef[]): Promise<Delivery[]> {
  return db
    .select()
    .from(deliveries)
    .where(inScopedRefs(deliveries.workspaceId, deliveries.id, refs));
}

/** Claims every listed delivery still `scheduled` and due: `sending`, in one statement. */
export async function claimDeliveries(
  db: Db,
  { refs, now }: { refs: readonly ScopedRef[]; now: Date },
): Promise<Delivery[]> {
  return db
    .update(deliveries)
    .set({ state: 'sending', sendingAt: now, updatedAt: sql`now()` })
    .where(
      and(
        inScopedRefs(deliveries.workspaceId, deliveries.id, refs),
        eq(deliveries.state, 'scheduled'),
        lte(deliveries.dueAt, now),
      ),
    )
    .returning();
}

/** What recording a send returns of each delivery: enough to announce it and roll it up. */
export type SentDelivery = Pick<
  Delivery,
  'workspaceId' | 'id' | 'campaignId' | 'channel' | 'batch' | 'remoteId' | 'remoteUrl'
>;

/** `sending → sent` for many deliveries, each with its receipt, in one statement. */
export async function markDeliveriesSent(
  db: Db,
  sent: ReadonlyArray<ScopedRef & { remoteId: string; remoteUrl: string | null }>,
  at: Date,
): Promise<SentDelivery[]> {
  if (sent.length === 0) return [];
  const attempt = JSON.stringify([{ at: at.toISOString(), outcome: 'sent' }]);
  const receipts = sql.join(
    sent.map(
      (row) =>
        sql`(${row.workspaceId}::uuid, ${row.id}::uuid, ${row.remoteId}, ${row.remoteUrl}::text)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${deliveries} set
      state = 'sent',
      remote_id = receipt.remote_id,
      remote_url = receipt.remote_url,
      last_error = null,
      attempts = ${deliveries.attempts} || ${attempt}::jsonb,
      updated_at = now()
    from (values ${receipts}) as receipt (workspace_id, id, remote_id, remote_url)
    where ${deliveries.workspaceId} = receipt.workspace_id and ${deliveries.id} = receipt.id
      and ${deliveries.state} = 'sending'
    returning ${deliveries.workspaceId}, ${deliveries.id}, ${deliveries.campaignId},
      ${deliveries.channel}, ${deliveries.batch}, ${deliveries.remoteId}, ${deliveries.remoteUrl}`);
  const rows = (
    result as {
      rows: Array<{
        workspace_id: string;
        id: string;
        campaign_id: string;
        channel: string;
        batch: number;
        remote_id: string | null;
        remote_url: string | null;
      }>;
    }
  ).rows;
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    id: row.id,
    campaignId: row.campaign_id,
    channel: row.channel,
    batch: row.batch,
    remoteId: row.remote_id,
    remoteUrl: row.remote_url,
  }));
}

/** Deliveries per state for each of these campaigns (each in its own workspace). */
export async function countDeliveryStatesOf(
  db: Db,
  campaignRefs: readonly ScopedRef[],
): Promise<Map<string, Partial<Record<DeliveryState, number>>>> {
  const rows = await db
    .select({
      campaignId: deliveries.campaignId,
      state: deliveries.state,
      count: sql<number>`count(*)::int`,
    })
    .from(deliveries)
    .where(inScopedRefs(deliveries.workspaceId, deliveries.campaignId, campaignRefs))
    .groupBy(deliveries.campaignId, deliveries.state);
  const counts = new Map<string, Partial<Record<DeliveryState, number>>>();
  for (const row of rows) {
    const entry = counts.get(row.campaignId) ?? {};
    entry[row.state] = row.count;
    counts.set(row.campaignId, entry);
  }
  return counts;
}

/** The states a delivery settles in, as the daily counts report them. */
export const settledDeliveryStates = ['sent', 'failed', 'cancelled', 'unknown'] as const;
export type SettledDeliveryState = (typeof settledDeliveryStates)[number];

/** One local day, as the instants it starts (inclusive) and ends (exclusive) at. */
export interface DayWindow {
  /** `YYYY-MM-DD`, the label the counts come back under. */
  date: string;
  start: Date;
  end: Date;
}

export type DayCounts = { date: string } & Record<SettledDeliveryState, number>;

/**
 * Settled deliveries per day window and state, counted where they settled: a delivery's last
 * update (`updated_at`) is its move into its current state, and a settled one is only updated
 * again when it is retried (it then leaves the settled states). One GROUP BY over the windows
 * (in their order), days without deliveries included as zeros. The whole window bounds one range
 * scan of `deliveries_workspace_settled` (the state list below is that index's predicate, written
 * inline so the planner can match it); windows must be in order and not overlap.
 */
export async function countSettledDeliveriesByDay(
  db: Db,
  { workspaceId, days }: { workspaceId: string; days: readonly DayWindow[] },
): Promise<DayCounts[]> {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const windows = sql.join(
    days.map(
      (day, position) =>
        sql`(${position}::int, ${day.date}::text, ${day.start.toISOString()}::timestamptz, ${day.end.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    select day.date,
      count(*) filter (where ${deliveries.state} = 'sent')::int as sent,
      count(*) filter (where ${deliveries.state} = 'failed')::int as failed,
      count(*) filter (where ${deliveries.state} = 'cancelled')::int as cancelled,
      count(*) filter (where ${deliveries.state} = 'unknown')::int as unknown
    from (values ${windows}) as day (position, date, starts_at, ends_at)
    left join ${deliveries}
      on ${deliveries.workspaceId} = ${workspaceId}::uuid
      and ${deliveries.state} in ('sent', 'failed', 'cancelled', 'unknown')
      and ${deliveries.updatedAt} >= day.starts_at
      and ${deliveries.updatedAt} < day.ends_at
      and ${deliveries.updatedAt} >= ${first.start.toISOString()}::timestamptz
      and ${deliveries.updatedAt} < ${last.end.toISOString()}::timestamptz
    group by day.position, day.date
    order by day.position`);
  const rows = (result as { rows: DayCounts[] }).rows;
  return rows.map((row) => ({
    date: row.date,
    sent: Number(row.sent),
    failed: Number(row.failed),
    cancelled: Number(row.cancelled),
    unknown: Number(row.unknown),
  }));
}
