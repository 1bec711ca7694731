import type { ApprovalRequest } from '../../db/queries/approval-requests.ts';
import type { ApprovalStage } from '../../db/queries/approval-stages.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';
import type { NewEvent } from '../../events/types.ts';

/** What approvers are told (through the event log) about a stage that waits for them. */
export function stageSummary(stage: ApprovalStage) {
  return {
    stageId: stage.id,
    position: stage.position,
    name: stage.name,
    mode: stage.mode,
    approvers: stage.approvers,
    escalated: stage.escalated,
    deadlineAt: stage.deadlineAt?.toISOString() ?? null,
  };
}

/** `approval.requested`: a stage became active and its approvers are asked. */
export function stageRequestedEvent(
  campaign: Campaign,
  request: ApprovalRequest,
  stage: ApprovalStage,
): NewEvent {
  return {
    workspaceId: campaign.workspaceId,
    type: 'approval.requested',
    subjectType: 'campaign',
    subjectId: campaign.id,
    actor: 'system:approval_engine',
    data: {
      requestId: request.id,
      level: request.level,
      campaignName: campaign.name,
      stage: stageSummary(stage),
    },
  };
}
