import type { Db } from '../../db/client.ts';
import { listDecisionsOfRequest } from '../../db/queries/approval-decisions.ts';
import { getLatestApprovalRequest } from '../../db/queries/approval-requests.ts';
import { listStagesOfRequest } from '../../db/queries/approval-stages.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';
import { type CampaignApprovalView, toCampaignApprovalView } from './approval-view.ts';

/** The campaign with its latest round, as the API shows it. */
export async function campaignApproval(db: Db, campaign: Campaign): Promise<CampaignApprovalView> {
  const scope = { workspaceId: campaign.workspaceId, campaignId: campaign.id };
  const request = await getLatestApprovalRequest(db, scope);
  if (!request) return toCampaignApprovalView(campaign, undefined);
  const ids = { workspaceId: campaign.workspaceId, requestId: request.id };
  const [stages, decisions] = [
    await listStagesOfRequest(db, ids),
    await listDecisionsOfRequest(db, ids),
  ];
  return toCampaignApprovalView(campaign, { request, stages, decisions });
}
