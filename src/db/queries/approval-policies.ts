import { eq, sql } from 'drizzle-orm';
import type { ApprovalPolicy } from '../../approvals/policy.ts';
import { approvalPolicies } from '../approval-schema.ts';
import type { Db } from '../client.ts';

export type ApprovalPolicyRow = typeof approvalPolicies.$inferSelect;

export async function getApprovalPolicy(
  db: Db,
  { workspaceId }: { workspaceId: string },
): Promise<ApprovalPolicyRow | undefined> {
  const rows = await db
    .select()
    .from(approvalPolicies)
    .where(eq(approvalPolicies.workspaceId, workspaceId))
    .limit(1);
  return rows[0];
}

/** Same row, locked until the transaction ends: two edits of one policy take turns. */
export async function lockApprovalPolicy(
  db: Db,
  { workspaceId }: { workspaceId: string },
): Promise<ApprovalPolicyRow | undefined> {
  const rows = await db
    .select()
    .from(approvalPolicies)
    .where(eq(approvalPolicies.workspaceId, workspaceId))
    .limit(1)
    .for('update');
  return rows[0];
}

/** Inserts the workspace's policy or replaces it, counting the version up. */
export async function saveApprovalPolicy(
  db: Db,
  {
    workspaceId,
    policy,
    updatedBy,
  }: { workspaceId: string; policy: ApprovalPolicy; updatedBy: string },
): Promise<ApprovalPolicyRow> {
  const rows = await db
    .insert(approvalPolicies)
    .values({ workspaceId, policy, version: 1, updatedBy })
    .onConflictDoUpdate({
      target: approvalPolicies.workspaceId,
      set: {
        policy,
        updatedBy,
        version: sql`${approvalPolicies.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('saving the approval policy returned no row');
  return row;
}
