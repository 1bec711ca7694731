import type { ApprovalRequestStatus } from '../../db/approval-schema.ts';
import type { Db } from '../../db/client.ts';
import { listDecisionsOfRequest } from '../../db/queries/approval-decisions.ts';
import {
  type ApprovalRequest,
  getLiveApprovalRequest,
  setApprovalRequestStatus,
} from '../../db/queries/approval-requests.ts';
import { closeOpenStages } from '../../db/queries/approval-stages.ts';

/**
 * Ends a campaign's live round (if it has one) with a status and the reason; its undecided stages
 * close with it. Returns the round and who had approved in it.
 */
export async function closeLiveRound(
  tx: Db,
  {
    workspaceId,
    campaignId,
    status,
    reason,
  }: {
    workspaceId: string;
    campaignId: string;
    status: Exclude<ApprovalRequestStatus, 'pending' | 'approved'>;
    reason: string;
  },
): Promise<{ request: ApprovalRequest; approvedBy: string[] } | undefined> {
  const live = await getLiveApprovalRequest(tx, { workspaceId, campaignId });
  if (!live) return undefined;
  const request = await setApprovalRequestStatus(
    tx,
    { workspaceId, id: live.id },
    { status, statusReason: reason },
  );
  await closeOpenStages(tx, { workspaceId, requestId: live.id });
  const decisions = await listDecisionsOfRequest(tx, { workspaceId, requestId: live.id });
  return {
    request: request ?? live,
    approvedBy: decisions.filter((d) => d.decision === 'approve').map((d) => d.actor),
  };
}
