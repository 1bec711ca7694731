import type { Db } from '../../db/client.ts';
import { getApprovalPolicy } from '../../db/queries/approval-policies.ts';
import { getLiveApprovalRequest } from '../../db/queries/approval-requests.ts';
import { type ApprovalStage, escalateApprovalStage } from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { appendEvent } from '../../events/append-event.ts';
import { campaignAudit } from './audit-entry.ts';
import { APPROVAL_CLOCK_ACTOR } from './expire-approval.ts';
import { policyInForce } from './policy-view.ts';

const MINUTE = 60_000;

/**
 * A stage past its SLA: `approval.overdue` is emitted and the next level's approvers (every
 * stage's roles and members of the level after the round's, in the policy in force now) are
 * added to it, with a new deadline one SLA away. Overdue again, it escalates one level further;
 * past the strictest level it stays overdue with no deadline. Compare-and-set on the stage's
 * escalation count: two clocks never escalate twice. Returns whether it escalated.
 */
export async function escalateStage(db: Db, stage: ApprovalStage, now: Date): Promise<boolean> {
  const { workspaceId } = stage;
  return db.transaction(async (tx) => {
    const request = await getLiveApprovalRequest(tx, { workspaceId, campaignId: stage.campaignId });
    if (!request || request.id !== stage.requestId) return false;
    const policy = policyInForce(await getApprovalPolicy(tx, { workspaceId }));
    const index = policy.levels.findIndex((level) => level.id === request.level);
    const next = index === -1 ? undefined : policy.levels[index + 1 + stage.escalations];
    const added = {
      roles: [...new Set(next?.stages.flatMap((s) => s.approvers.roles) ?? [])],
      members: [...new Set(next?.stages.flatMap((s) => s.approvers.members) ?? [])],
    };
    const escalated = {
      roles: [...new Set([...stage.escalated.roles, ...added.roles])],
      members: [...new Set([...stage.escalated.members, ...added.members])],
    };
    const deadlineAt = next ? new Date(now.getTime() + stage.slaMinutes * MINUTE) : null;
    const updated = await escalateApprovalStage(
      tx,
      { workspaceId, id: stage.id, fromEscalations: stage.escalations },
      { escalated, deadlineAt, now },
    );
    if (!updated) return false;
    const escalatedTo = next ? { level: next.id, ...added } : null;
    await appendEvent(tx, {
      workspaceId,
      type: 'approval.overdue',
      subjectType: 'campaign',
      subjectId: stage.campaignId,
      actor: APPROVAL_CLOCK_ACTOR,
      data: {
        requestId: request.id,
        level: request.level,
        stage: { id: stage.id, position: stage.position, name: stage.name },
        deadlineAt: stage.deadlineAt?.toISOString() ?? null,
        escalatedTo,
        nextDeadlineAt: deadlineAt?.toISOString() ?? null,
      },
    });
    await appendAuditEntry(
      tx,
      campaignAudit(workspaceId, stage.campaignId, APPROVAL_CLOCK_ACTOR, 'approval.escalated', {
        before: { escalated: stage.escalated, deadlineAt: stage.deadlineAt?.toISOString() ?? null },
        after: { escalated, deadlineAt: deadlineAt?.toISOString() ?? null },
        data: { requestId: request.id, stage: stage.position, escalatedTo },
      }),
    );
    return true;
  });
}
