import { lockCampaign } from '../../db/queries/campaigns.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertNoDraftErrors } from '../campaigns/approval-gate.ts';
import { toDraftView } from '../campaigns/views.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { campaignApproval } from './load-round.ts';
import { openApprovalRound } from './open-round.ts';

/**
 * Sends a draft campaign to approval: the policy computes its level (the answer says which rule
 * matched and why). A level without stages approves it at once; otherwise it waits in
 * `pending_approval`. Drafts with errors cannot be submitted.
 */
export async function submitCampaign(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<CampaignApprovalView> {
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, { workspaceId: ctx.workspaceId, id });
    if (!campaign) throw notFound('Campaign');
    if (campaign.state !== 'draft')
      throw new AppError(
        'conflict',
        campaign.state === 'pending_approval'
          ? 'The campaign is already waiting for approval.'
          : `The campaign is ${campaign.state}; only a draft is submitted.`,
      );
    const drafts = (
      await listDraftsOfCampaign(tx, { workspaceId: ctx.workspaceId, campaignId: id })
    ).map(toDraftView);
    assertNoDraftErrors(drafts, 'submitting');
    const opened = await openApprovalRound(tx, {
      campaign,
      drafts,
      actor: actorLabel(ctx.actor),
      reason: 'submitted',
    });
    return campaignApproval(tx, opened.campaign);
  });
}
