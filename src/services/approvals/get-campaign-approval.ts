import { getCampaign } from '../../db/queries/campaigns.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { campaignApproval } from './load-round.ts';

export async function getCampaignApproval(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<CampaignApprovalView> {
  const campaign = await getCampaign(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!campaign) throw notFound('Campaign');
  return campaignApproval(ctx.db, campaign);
}
