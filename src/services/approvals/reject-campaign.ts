import type { ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { type DecideInput, decide } from './decide.ts';

/** Reject at the active stage: the round ends, the campaign returns to draft. */
export function rejectCampaign(
  ctx: ServiceContext,
  input: DecideInput,
): Promise<CampaignApprovalView> {
  return decide(ctx, 'reject', input);
}
