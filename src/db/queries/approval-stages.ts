import { and, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { ApproverList } from '../../approvals/stage-eligibility.ts';
import {
  approvalDecisions,
  approvalRequests,
  approvalStages,
  type StageStatus,
} from '../approval-schema.ts';
import type { Db } from '../client.ts';
import { campaigns, drafts, draftVersions } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type ApprovalStage = typeof approvalStages.$inferSelect;
type StageScope = { workspaceId: string; id: string };

export async function insertApprovalStages(
  db: Db,
  rows: Array<Omit<typeof approvalStages.$inferInsert, 'id' | 'createdAt'>>,
): Promise<ApprovalStage[]> {
  if (rows.length === 0) return [];
  return db.insert(approvalStages).values(rows).returning();
}

export async function listStagesOfRequest(
  db: Db,
  { workspaceId, requestId }: { workspaceId: string; requestId: string },
): Promise<ApprovalStage[]> {
  return db
    .select()
    .from(approvalStages)
    .where(
      and(eq(approvalStages.workspaceId, workspaceId), eq(approvalStages.requestId, requestId)),
    )
    .orderBy(approvalStages.position);
}

/** The active stage of a campaign's live round, if it has one. */
export async function getActiveStageOfCampaign(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<ApprovalStage | undefined> {
  const rows = await db
    .select()
    .from(approvalStages)
    .where(
      and(
        eq(approvalStages.workspaceId, workspaceId),
        eq(approvalStages.campaignId, campaignId),
        eq(approvalStages.status, 'active'),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function updateApprovalStage(
  db: Db,
  { workspaceId, id }: StageScope,
  values: Partial<
    Pick<
      ApprovalStage,
      'status' | 'startedAt' | 'deadlineAt' | 'completedAt' | 'remindedAt' | 'overdueAt'
    >
  >,
): Promise<ApprovalStage | undefined> {
  const rows = await db
    .update(approvalStages)
    .set(values)
    .where(and(eq(approvalStages.workspaceId, workspaceId), eq(approvalStages.id, id)))
    .returning();
  return rows[0];
}

/** Every stage of a round not yet decided becomes `closed` (the round ended without them). */
export async function closeOpenStages(
  db: Db,
  { workspaceId, requestId }: { workspaceId: string; requestId: string },
): Promise<void> {
  await db
    .update(approvalStages)
    .set({ status: 'closed', completedAt: sql`now()` })
    .where(
      and(
        eq(approvalStages.workspaceId, workspaceId),
        eq(approvalStages.requestId, requestId),
        inArray(approvalStages.status, ['waiting', 'active'] satisfies StageStatus[]),
      ),
    );
}

function anyOf(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

export interface StageInQueue {
  stage: ApprovalStage;
  campaignName: string;
  level: string;
}

/**
 * Active stages of pending rounds in a workspace; with `approver`, only those naming one of its
 * roles or its member id (escalations included), on which it has not decided, of campaigns it did
 * not create or edit. Ordered by start (the keyset `createdAt` is the stage's start).
 */
export async function listActiveStages(
  db: Db,
  filter: {
    workspaceId: string;
    approver?: { label: string; memberId: string | null; roles: readonly string[] } | undefined;
    limit: number;
    after?: PageAfter | undefined;
  },
): Promise<StageInQueue[]> {
  const { approver } = filter;
  const named = approver
    ? or(
        approver.roles.length > 0
          ? sql`${approvalStages.eligibleRoles} && ${anyOf(approver.roles)}`
          : undefined,
        approver.memberId === null
          ? undefined
          : sql`${approver.memberId} = any(${approvalStages.eligibleMembers})`,
      )
    : undefined;
  const rows = await db
    .select({ stage: approvalStages, campaignName: campaigns.name, level: approvalRequests.level })
    .from(approvalStages)
    .innerJoin(
      approvalRequests,
      and(
        eq(approvalRequests.id, approvalStages.requestId),
        eq(approvalRequests.workspaceId, approvalStages.workspaceId),
      ),
    )
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.id, approvalStages.campaignId),
        eq(campaigns.workspaceId, approvalStages.workspaceId),
      ),
    )
    .where(
      and(
        eq(approvalStages.workspaceId, filter.workspaceId),
        eq(approvalStages.status, 'active'),
        eq(approvalRequests.status, 'pending'),
        approver ? (named ?? sql`false`) : undefined,
        approver
          ? sql`not exists (select 1 from ${approvalDecisions} d where d.request_id = ${approvalStages.requestId} and d.actor = ${approver.label})`
          : undefined,
        approver ? sql`${campaigns.createdBy} <> ${approver.label}` : undefined,
        approver
          ? sql`not exists (select 1 from ${draftVersions} v join ${drafts} dr on dr.id = v.draft_id
              where dr.campaign_id = ${approvalStages.campaignId} and v.version > 1 and v.actor = ${approver.label})`
          : undefined,
        afterCursor(approvalStages.startedAt, approvalStages.id, filter.after),
      ),
    )
    .orderBy(approvalStages.startedAt, approvalStages.id)
    .limit(filter.limit);
  return rows;
}

/** Adds approvers to a stage (escalation) and moves its deadline, compare-and-set on `escalations`. */
export async function escalateApprovalStage(
  db: Db,
  { workspaceId, id, fromEscalations }: StageScope & { fromEscalations: number },
  { escalated, deadlineAt, now }: { escalated: ApproverList; deadlineAt: Date | null; now: Date },
): Promise<ApprovalStage | undefined> {
  const rows = await db
    .update(approvalStages)
    .set({
      escalated: { roles: [...escalated.roles], members: [...escalated.members] },
      eligibleRoles: sql`array(select distinct unnest(${approvalStages.eligibleRoles} || ${anyOfOrEmpty(escalated.roles)}))`,
      eligibleMembers: sql`array(select distinct unnest(${approvalStages.eligibleMembers} || ${anyOfOrEmpty(escalated.members)}))`,
      escalations: sql`${approvalStages.escalations} + 1`,
      overdueAt: now,
      deadlineAt,
      remindedAt: null,
    })
    .where(
      and(
        eq(approvalStages.workspaceId, workspaceId),
        eq(approvalStages.id, id),
        eq(approvalStages.status, 'active'),
        eq(approvalStages.escalations, fromEscalations),
      ),
    )
    .returning();
  return rows[0];
}

function anyOfOrEmpty(values: readonly string[]): SQL {
  return values.length === 0 ? sql`'{}'::text[]` : anyOf(values);
}

/** Marks the stage reminded, once per deadline (compare-and-set). */
export async function markStageReminded(
  db: Db,
  { workspaceId, id }: StageScope,
  now: Date,
): Promise<ApprovalStage | undefined> {
  const rows = await db
    .update(approvalStages)
    .set({ remindedAt: now })
    .where(
      and(
        eq(approvalStages.workspaceId, workspaceId),
        eq(approvalStages.id, id),
        eq(approvalStages.status, 'active'),
        sql`${approvalStages.remindedAt} is null`,
      ),
    )
    .returning();
  return rows[0];
}

/**
 * Across tenants, for the SLA clock only: active stages past their deadline, or past half of it
 * and not yet reminded.
 */
export async function listStagesDue(
  db: Db,
  { now, limit }: { now: Date; limit: number },
): Promise<ApprovalStage[]> {
  const at = now.toISOString();
  return db
    .select()
    .from(approvalStages)
    .where(
      and(
        eq(approvalStages.status, 'active'),
        or(
          lte(approvalStages.deadlineAt, now),
          and(
            sql`${approvalStages.remindedAt} is null`,
            sql`${approvalStages.startedAt} + (${approvalStages.deadlineAt} - ${approvalStages.startedAt}) / 2 <= ${at}::timestamptz`,
          ),
        ),
      ),
    )
    .orderBy(approvalStages.deadlineAt)
    .limit(limit);
}
