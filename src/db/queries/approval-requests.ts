import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type ApprovalRequestStatus, approvalRequests } from '../approval-schema.ts';
import type { Db } from '../client.ts';

export type ApprovalRequest = typeof approvalRequests.$inferSelect;
type Scope = { workspaceId: string; campaignId: string };

export async function insertApprovalRequest(
  db: Db,
  values: Omit<typeof approvalRequests.$inferInsert, 'id' | 'createdAt' | 'closedAt'>,
): Promise<ApprovalRequest> {
  const rows = await db.insert(approvalRequests).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into approval_requests returned no row');
  return row;
}

/** The campaign's live round (pending or approved), if any. */
export async function getLiveApprovalRequest(
  db: Db,
  { workspaceId, campaignId }: Scope,
): Promise<ApprovalRequest | undefined> {
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.workspaceId, workspaceId),
        eq(approvalRequests.campaignId, campaignId),
        inArray(approvalRequests.status, ['pending', 'approved']),
      ),
    )
    .limit(1);
  return rows[0];
}

/** The campaign's most recent round, live or closed. */
export async function getLatestApprovalRequest(
  db: Db,
  { workspaceId, campaignId }: Scope,
): Promise<ApprovalRequest | undefined> {
  const rows = await db
    .select()
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.workspaceId, workspaceId),
        eq(approvalRequests.campaignId, campaignId),
      ),
    )
    .orderBy(desc(approvalRequests.createdAt), desc(approvalRequests.id))
    .limit(1);
  return rows[0];
}

/** Moves a round on: to `approved`, or closed with a status and reason (`closed_at` set). */
export async function setApprovalRequestStatus(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
  { status, statusReason = null }: { status: ApprovalRequestStatus; statusReason?: string | null },
): Promise<ApprovalRequest | undefined> {
  const rows = await db
    .update(approvalRequests)
    .set({
      status,
      statusReason,
      closedAt: status === 'pending' || status === 'approved' ? null : sql`now()`,
    })
    .where(and(eq(approvalRequests.workspaceId, workspaceId), eq(approvalRequests.id, id)))
    .returning();
  return rows[0];
}
