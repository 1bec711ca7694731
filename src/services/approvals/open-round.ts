import { computeLevel, type LevelDecision } from '../../approvals/compute-level.ts';
import type { Db } from '../../db/client.ts';
import { getApprovalPolicy } from '../../db/queries/approval-policies.ts';
import type { ApprovalRequest } from '../../db/queries/approval-requests.ts';
import { insertApprovalRequest } from '../../db/queries/approval-requests.ts';
import { type ApprovalStage, insertApprovalStages } from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { type Campaign, setCampaignState } from '../../db/queries/campaigns.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { DraftView } from '../campaigns/views.ts';
import { campaignAudit } from './audit-entry.ts';
import { factsOf } from './facts-of.ts';
import { policyInForce } from './policy-view.ts';
import { stageRequestedEvent } from './stage-events.ts';

/** Who approves what the policy approves by itself. */
export const AUTOMATIC_APPROVER = 'system:approval_policy';

const MINUTE = 60_000;

export interface OpenedRound {
  campaign: Campaign;
  request: ApprovalRequest;
  stages: ApprovalStage[];
  decision: LevelDecision;
}

/** The level the workspace's policy gives the campaign now, and why. */
export async function evaluateCampaign(
  db: Db,
  campaign: Campaign,
  drafts: readonly DraftView[],
): Promise<LevelDecision> {
  const policy = policyInForce(await getApprovalPolicy(db, { workspaceId: campaign.workspaceId }));
  return computeLevel(policy, factsOf(campaign, drafts));
}

/**
 * Opens an approval round for a campaign whose drafts have no errors (callers check): the
 * workspace's policy chooses the level; without stages the campaign is approved at once, otherwise
 * it waits in `pending_approval` with its first stage active and its SLA clock running. Call
 * inside a transaction, with the campaign locked.
 */
export async function openApprovalRound(
  tx: Db,
  {
    campaign,
    drafts,
    actor,
    reason,
    decision: given,
    now = new Date(),
  }: {
    campaign: Campaign;
    drafts: readonly DraftView[];
    actor: string;
    /** Why the round opens: `submitted`, `created`, or the edit that reset the previous one. */
    reason: string;
    /** The level decision, when the caller has computed it already (evaluateCampaign). */
    decision?: LevelDecision | undefined;
    now?: Date;
  },
): Promise<OpenedRound> {
  const workspaceId = campaign.workspaceId;
  const decision = given ?? (await evaluateCampaign(tx, campaign, drafts));
  const automatic = decision.stages.length === 0;
  const request = await insertApprovalRequest(tx, {
    workspaceId,
    campaignId: campaign.id,
    level: decision.level,
    decision,
    status: automatic ? 'approved' : 'pending',
    submittedBy: actor,
  });
  const stages = await insertApprovalStages(
    tx,
    decision.stages.map((stage, index) => ({
      workspaceId,
      requestId: request.id,
      campaignId: campaign.id,
      position: index + 1,
      name: stage.name,
      origin: stage.origin,
      mode: stage.mode,
      approvers: stage.approvers,
      escalated: { roles: [], members: [] },
      eligibleRoles: stage.approvers.roles,
      eligibleMembers: stage.approvers.members,
      slaMinutes: stage.slaMinutes,
      status: index === 0 ? ('active' as const) : ('waiting' as const),
      startedAt: index === 0 ? now : null,
      deadlineAt: index === 0 ? new Date(now.getTime() + stage.slaMinutes * MINUTE) : null,
    })),
  );
  const state = automatic ? 'approved' : 'pending_approval';
  const updated = await setCampaignState(tx, {
    workspaceId,
    id: campaign.id,
    state,
    approvedBy: automatic ? AUTOMATIC_APPROVER : null,
    approvalLevel: decision.level,
  });
  if (!updated) throw new Error(`campaign ${campaign.id} vanished while locked`);
  const first = stages[0];
  if (automatic)
    await appendEvent(tx, {
      workspaceId,
      type: 'campaign.approved',
      subjectType: 'campaign',
      subjectId: campaign.id,
      actor: AUTOMATIC_APPROVER,
      data: { requestId: request.id, level: decision.level, reason: decision.summary },
    });
  else if (first) await appendEvent(tx, stageRequestedEvent(updated, request, first));
  await appendAuditEntry(
    tx,
    campaignAudit(
      workspaceId,
      campaign.id,
      actor,
      automatic ? 'approval.auto_approved' : 'approval.submitted',
      {
        before: { state: campaign.state },
        after: { state, level: decision.level, requestId: request.id },
        data: { reason, explanation: decision.summary },
      },
    ),
  );
  return { campaign: updated, request, stages, decision };
}
