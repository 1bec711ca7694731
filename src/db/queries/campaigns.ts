import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type CampaignState, campaigns } from '../schema.ts';
import { afterCursor, keysetOrder, type PageAfter, type PageOrder } from './page.ts';
import { inScopedRefs, type ScopedRef } from './scoped-refs.ts';

export type Campaign = typeof campaigns.$inferSelect;
export type NewCampaign = Omit<typeof campaigns.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertCampaign(db: Db, values: NewCampaign): Promise<Campaign> {
  const rows = await db.insert(campaigns).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into campaigns returned no row');
  return row;
}

export async function getCampaign(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Campaign | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .limit(1);
  return rows[0];
}

/** The same row locked until the transaction ends: state changes of one campaign take turns. */
export async function lockCampaign(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Campaign | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .limit(1)
    .for('update');
  return rows[0];
}

/** Which of a workspace's campaigns to list, and in which order of creation. */
export interface CampaignListFilter {
  workspaceId: string;
  /** Any of these states. */
  state?: readonly CampaignState[] | undefined;
  /** `scheduled_at` in `[scheduledFrom, scheduledTo)`; a campaign never scheduled has none. */
  scheduledFrom?: Date | undefined;
  scheduledTo?: Date | undefined;
  limit: number;
  after?: PageAfter | undefined;
  order?: PageOrder | undefined;
}

export async function listCampaigns(db: Db, filter: CampaignListFilter): Promise<Campaign[]> {
  const order = filter.order ?? 'asc';
  const where = and(
    eq(campaigns.workspaceId, filter.workspaceId),
    filter.state === undefined ? undefined : inArray(campaigns.state, [...filter.state]),
    filter.scheduledFrom === undefined
      ? undefined
      : gte(campaigns.scheduledAt, filter.scheduledFrom),
    filter.scheduledTo === undefined ? undefined : lt(campaigns.scheduledAt, filter.scheduledTo),
    afterCursor(campaigns.createdAt, campaigns.id, filter.after, order),
  );
  // A window (the calendar) is read through `campaigns_workspace_scheduled`, then sorted.
  const sortAfterFilter = filter.scheduledFrom !== undefined || filter.scheduledTo !== undefined;
  return db
    .select()
    .from(campaigns)
    .where(where)
    .orderBy(...keysetOrder(campaigns.createdAt, campaigns.id, order, { sortAfterFilter }))
    .limit(filter.limit);
}

/** The newest campaign made from a source: "what changed since the last campaign" starts there. */
export async function latestCampaignOfSource(
  db: Db,
  { workspaceId, sourceId }: { workspaceId: string; sourceId: string },
): Promise<Campaign | undefined> {
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.sourceId, sourceId)))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(1);
  return rows[0];
}

/**
 * Sets the approval state of a campaign: `approvedBy` stamps the approval (null clears it), the
 * level is the live round's (kept when not given).
 */
export async function setCampaignState(
  db: Db,
  {
    workspaceId,
    id,
    state,
    approvedBy = null,
    approvalLevel,
  }: {
    workspaceId: string;
    id: string;
    state: CampaignState;
    approvedBy?: string | null;
    approvalLevel?: string | null;
  },
): Promise<Campaign | undefined> {
  const rows = await db
    .update(campaigns)
    .set({
      state,
      approvedBy,
      approvedAt: approvedBy === null ? null : sql`now()`,
      ...(approvalLevel !== undefined && { approvalLevel }),
      updatedAt: sql`now()`,
    })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .returning();
  return rows[0];
}

/** Partial update of publishing fields (state, schedule); approval fields stay as they are. */
export async function updateCampaign(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
  values: Partial<
    Pick<
      Campaign,
      | 'state'
      | 'scheduledAt'
      | 'scheduleZone'
      | 'sendBy'
      | 'channelOffsets'
      | 'stateReason'
      | 'approvalExpiresAt'
    >
  >,
): Promise<Campaign | undefined> {
  const rows = await db
    .update(campaigns)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)))
    .returning();
  return rows[0];
}

/** What a batch lock reads of each campaign: enough to roll its state up and check its approval. */
export type CampaignLock = ScopedRef & { state: CampaignState; approvalExpiresAt: Date | null };

/**
 * Several campaigns locked until the transaction ends, in id order: two workers locking
 * overlapping sets wait for each other instead of deadlocking.
 */
export async function lockCampaigns(db: Db, refs: readonly ScopedRef[]): Promise<CampaignLock[]> {
  if (refs.length === 0) return [];
  return db
    .select({
      workspaceId: campaigns.workspaceId,
      id: campaigns.id,
      state: campaigns.state,
      approvalExpiresAt: campaigns.approvalExpiresAt,
    })
    .from(campaigns)
    .where(inScopedRefs(campaigns.workspaceId, campaigns.id, refs))
    .orderBy(campaigns.id)
    .for('update');
}

/**
 * `scheduled → publishing` for those of these campaigns still scheduled; returns them. Callers
 * hold the campaigns' locks already (taken before their deliveries'), so this adds none.
 */
export async function markCampaignsPublishing(
  db: Db,
  refs: readonly ScopedRef[],
): Promise<ScopedRef[]> {
  if (refs.length === 0) return [];
  return db
    .update(campaigns)
    .set({ state: 'publishing', updatedAt: sql`now()` })
    .where(
      and(
        inScopedRefs(campaigns.workspaceId, campaigns.id, refs),
        eq(campaigns.state, 'scheduled'),
      ),
    )
    .returning({ workspaceId: campaigns.workspaceId, id: campaigns.id });
}

/** Sets each campaign's state (and reason) in one statement. */
export async function setCampaignStates(
  db: Db,
  changes: ReadonlyArray<ScopedRef & { state: CampaignState; stateReason: string | null }>,
): Promise<void> {
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map(
      (change) =>
        sql`(${change.workspaceId}::uuid, ${change.id}::uuid, ${change.state}, ${change.stateReason}::text)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update ${campaigns} set
      state = change.state,
      state_reason = coalesce(change.state_reason, ${campaigns.stateReason}),
      updated_at = now()
    from (values ${values}) as change (workspace_id, id, state, state_reason)
    where ${campaigns.workspaceId} = change.workspace_id and ${campaigns.id} = change.id`);
}

/**
 * Across tenants, for the reconciler only: campaigns still `scheduled` or `publishing` although
 * none of their deliveries is left to do (a worker died between recording the last delivery and
 * rolling up its campaign), untouched since `before`.
 */
export async function listCampaignsToRollUp(
  db: Db,
  { before, limit }: { before: Date; limit: number },
): Promise<ScopedRef[]> {
  return db
    .select({ workspaceId: campaigns.workspaceId, id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        sql`${campaigns.state} in ('scheduled', 'publishing')`,
        sql`${campaigns.updatedAt} < ${before.toISOString()}::timestamptz`,
        sql`exists (select 1 from deliveries d where d.campaign_id = ${campaigns.id})`,
        sql`not exists (select 1 from deliveries d where d.campaign_id = ${campaigns.id}
              and d.state in ('pending', 'scheduled', 'sending', 'unknown'))`,
      ),
    )
    .limit(limit);
}

/**
 * Across tenants, for the approval clock only: scheduled campaigns whose approval lapsed (publishing
 * did not start by `approval_expires_at`).
 */
export async function listLapsedApprovals(
  db: Db,
  { now, limit }: { now: Date; limit: number },
): Promise<ScopedRef[]> {
  return db
    .select({ workspaceId: campaigns.workspaceId, id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.state, 'scheduled'),
        sql`${campaigns.approvalExpiresAt} < ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(limit);
}

/** Operator metric across tenants (like the queue depth): campaigns waiting for approval. */
export async function countPendingApprovals(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(campaigns)
    .where(eq(campaigns.state, 'pending_approval'));
  return row?.count ?? 0;
}
