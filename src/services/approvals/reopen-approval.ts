import type { Db } from '../../db/client.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { type Campaign, setCampaignState } from '../../db/queries/campaigns.ts';
import type { CampaignState } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { DraftView } from '../campaigns/views.ts';
import { campaignAudit } from './audit-entry.ts';
import { closeLiveRound } from './close-round.ts';
import { evaluateCampaign, openApprovalRound } from './open-round.ts';

/**
 * What was approved is no longer what would go out (a draft was edited) or the approval lapsed
 * (expired): the live round closes with the reason, its approvals stop counting, and the campaign
 * is evaluated again — back to `pending_approval` with a fresh round, approved at once when the
 * policy needs nobody, or back to `draft` when a draft now has errors. Call with the campaign
 * locked and, if it was scheduled, already unscheduled.
 */
export async function reopenApproval(
  tx: Db,
  {
    campaign,
    drafts,
    actor,
    reason,
    closeAs,
    now = new Date(),
  }: {
    campaign: Campaign;
    drafts: readonly DraftView[];
    actor: string;
    reason: string;
    closeAs: 'reset' | 'expired';
    now?: Date;
  },
): Promise<CampaignState> {
  const workspaceId = campaign.workspaceId;
  const closed = await closeLiveRound(tx, {
    workspaceId,
    campaignId: campaign.id,
    status: closeAs,
    reason,
  });
  const eventType = closeAs === 'reset' ? 'approval.reset' : 'approval.expired';
  const hasErrors = drafts.some((draft) =>
    draft.issues.some((issue) => issue.severity === 'error'),
  );
  const decision = hasErrors ? undefined : await evaluateCampaign(tx, campaign, drafts);
  const state: CampaignState =
    decision === undefined
      ? 'draft'
      : decision.stages.length === 0
        ? 'approved'
        : 'pending_approval';
  await appendEvent(tx, {
    workspaceId,
    type: eventType,
    subjectType: 'campaign',
    subjectId: campaign.id,
    actor,
    data: {
      reason,
      previousRequestId: closed?.request.id ?? null,
      approvalsReset: closed?.approvedBy ?? [],
      state,
      level: decision?.level ?? null,
    },
  });
  await appendAuditEntry(
    tx,
    campaignAudit(workspaceId, campaign.id, actor, eventType, {
      before: {
        state: campaign.state,
        level: campaign.approvalLevel,
        requestId: closed?.request.id ?? null,
        approvedBy: closed?.approvedBy ?? [],
      },
      after: { state, level: decision?.level ?? null },
      data: { reason },
    }),
  );
  if (decision === undefined) {
    await setCampaignState(tx, { workspaceId, id: campaign.id, state: 'draft', approvedBy: null });
    await appendEvent(tx, {
      workspaceId,
      type: 'campaign.returned_to_draft',
      subjectType: 'campaign',
      subjectId: campaign.id,
      actor,
      data: { from: campaign.state, reason: `${reason}; a draft now has errors` },
    });
  } else await openApprovalRound(tx, { campaign, drafts, actor, reason, decision, now });
  return state;
}
