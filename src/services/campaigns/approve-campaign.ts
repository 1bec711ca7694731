import { lockCampaign, setCampaignState } from '../../db/queries/campaigns.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { assertMayApprove } from './approval-gate.ts';
import { type CampaignView, toCampaignView, toDraftView } from './views.ts';

/** A person's or key's approval of a draft campaign, through the one approval gate. */
export async function approveCampaign(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<CampaignView> {
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, { workspaceId: ctx.workspaceId, id });
    if (!campaign) throw notFound('Campaign');
    const drafts = await listDraftsOfCampaign(tx, { workspaceId: ctx.workspaceId, campaignId: id });
    assertMayApprove(campaign, drafts.map(toDraftView), ctx.actor);
    const actor = actorLabel(ctx.actor);
    const row = await setCampaignState(tx, {
      workspaceId: ctx.workspaceId,
      id,
      state: 'approved',
      approvedBy: actor,
    });
    if (!row) throw notFound('Campaign');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'campaign.approved',
      subjectType: 'campaign',
      subjectId: id,
      actor,
    });
    return toCampaignView(row);
  });
}
