import type { ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { type DecideInput, decide } from './decide.ts';

/** Approve the active stage (the comment is optional). */
export function approveCampaign(
  ctx: ServiceContext,
  input: DecideInput,
): Promise<CampaignApprovalView> {
  return decide(ctx, 'approve', input);
}
