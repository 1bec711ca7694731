import { type ApprovalPolicy, policyMemberIds } from '../../approvals/policy.ts';
import { lockApprovalPolicy, saveApprovalPolicy } from '../../db/queries/approval-policies.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { listMembersByIds } from '../../db/queries/members.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type PolicyView, policyInForce, toPolicyView } from './policy-view.ts';

/**
 * Replaces the workspace's approval policy. Rounds already open keep the stages they were opened
 * with; the new policy applies from the next submission.
 */
export async function updateApprovalPolicy(
  ctx: ServiceContext,
  policy: ApprovalPolicy,
): Promise<PolicyView> {
  const named = policyMemberIds(policy);
  const found = new Set(
    (await listMembersByIds(ctx.db, { workspaceId: ctx.workspaceId, ids: named })).map((m) => m.id),
  );
  const missing = named.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new AppError('unprocessable', 'The policy names members this workspace does not have.', {
      errors: missing.map((id) => ({
        field: 'body',
        message: `member ${id} is not in this workspace`,
      })),
    });
  const actor = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const before = await lockApprovalPolicy(tx, { workspaceId: ctx.workspaceId });
    const row = await saveApprovalPolicy(tx, {
      workspaceId: ctx.workspaceId,
      policy,
      updatedBy: actor,
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'approval_policy.updated',
      subjectType: 'approval_policy',
      subjectId: ctx.workspaceId,
      actor,
      data: { version: row.version },
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'approval_policy.updated',
      resourceType: 'approval_policy',
      resourceId: ctx.workspaceId,
      actor,
      before: { policy: policyInForce(before), version: before?.version ?? 0 },
      after: { policy: row.policy, version: row.version },
    });
    return toPolicyView(row);
  });
}
