import type { ServiceContext } from '../context.ts';
import type { CampaignApprovalView } from './approval-view.ts';
import { type DecideInput, decide } from './decide.ts';

/** Ask for changes at the active stage: the round ends, the campaign returns to draft. */
export function requestChanges(
  ctx: ServiceContext,
  input: DecideInput,
): Promise<CampaignApprovalView> {
  return decide(ctx, 'request_changes', input);
}
