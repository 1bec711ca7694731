import type { DecisionKind } from '../../db/approval-schema.ts';
import type { ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { deciderOf } from './approver-identity.ts';
import { decideOnCampaign } from './decide-on-campaign.ts';
import { campaignApproval } from './load-round.ts';

export interface DecideInput {
  id: string;
  stageId?: string | undefined;
  comment?: string | undefined;
}

/** A signed-in member's or a key's decision on a campaign's active stage. */
export async function decide(
  ctx: ServiceContext,
  decision: DecisionKind,
  { id, stageId, comment }: DecideInput,
): Promise<CampaignApprovalView> {
  const decider = await deciderOf(ctx.db, ctx.workspaceId, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const campaign = await decideOnCampaign(tx, ctx.workspaceId, decider, {
      campaignId: id,
      decision,
      stageId,
      comment,
    });
    return campaignApproval(tx, campaign);
  });
}
