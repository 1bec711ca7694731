import type { Db } from '../../db/client.ts';
import { type ApprovalStage, markStageReminded } from '../../db/queries/approval-stages.ts';
import { appendEvent } from '../../events/append-event.ts';
import { APPROVAL_CLOCK_ACTOR } from './expire-approval.ts';
import { stageSummary } from './stage-events.ts';

/**
 * Halfway to its deadline, a stage still waiting reminds its approvers through the event log
 * (`approval.reminder`, naming the roles, labels and members who may act), once per deadline.
 */
export async function remindApprovers(db: Db, stage: ApprovalStage, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const reminded = await markStageReminded(
      tx,
      { workspaceId: stage.workspaceId, id: stage.id },
      now,
    );
    if (!reminded) return false;
    await appendEvent(tx, {
      workspaceId: stage.workspaceId,
      type: 'approval.reminder',
      subjectType: 'campaign',
      subjectId: stage.campaignId,
      actor: APPROVAL_CLOCK_ACTOR,
      data: { requestId: stage.requestId, stage: stageSummary(reminded) },
    });
    return true;
  });
}
