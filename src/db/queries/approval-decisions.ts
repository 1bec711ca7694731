import { and, eq } from 'drizzle-orm';
import { approvalDecisions } from '../approval-schema.ts';
import type { Db } from '../client.ts';

export type ApprovalDecision = typeof approvalDecisions.$inferSelect;

/** undefined when this actor has already decided in this round (one decision per actor). */
export async function insertApprovalDecision(
  db: Db,
  values: Omit<typeof approvalDecisions.$inferInsert, 'id' | 'createdAt'>,
): Promise<ApprovalDecision | undefined> {
  const rows = await db.insert(approvalDecisions).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function listDecisionsOfRequest(
  db: Db,
  { workspaceId, requestId }: { workspaceId: string; requestId: string },
): Promise<ApprovalDecision[]> {
  return db
    .select()
    .from(approvalDecisions)
    .where(
      and(
        eq(approvalDecisions.workspaceId, workspaceId),
        eq(approvalDecisions.requestId, requestId),
      ),
    )
    .orderBy(approvalDecisions.createdAt, approvalDecisions.id);
}
