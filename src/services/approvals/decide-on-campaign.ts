import { eligibility, filledSlots, slotCount } from '../../approvals/stage-eligibility.ts';
import type { DecisionKind } from '../../db/approval-schema.ts';
import type { Db } from '../../db/client.ts';
import {
  insertApprovalDecision,
  listDecisionsOfRequest,
} from '../../db/queries/approval-decisions.ts';
import {
  getLiveApprovalRequest,
  setApprovalRequestStatus,
} from '../../db/queries/approval-requests.ts';
import {
  closeOpenStages,
  listStagesOfRequest,
  updateApprovalStage,
} from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { type Campaign, lockCampaign, setCampaignState } from '../../db/queries/campaigns.ts';
import { listDraftEditors, listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import type { CampaignState } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { EventType } from '../../events/catalog.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertNoDraftErrors, assertNotAuthor } from '../campaigns/approval-gate.ts';
import { toDraftView } from '../campaigns/views.ts';
import type { Decider } from './approver-identity.ts';
import { campaignAudit } from './audit-entry.ts';
import { stageRequestedEvent, stageSummary } from './stage-events.ts';

const MINUTE = 60_000;

const eventOf: Record<DecisionKind, EventType> = {
  approve: 'approval.granted',
  reject: 'approval.rejected',
  request_changes: 'approval.changes_requested',
};

export interface DecisionInput {
  campaignId: string;
  decision: DecisionKind;
  comment?: string | undefined;
  /** Guards against acting on a stage that moved on since the decider looked. */
  stageId?: string | undefined;
  /** Recorded instead of the eligibility ground (review links). */
  via?: string | undefined;
}

/**
 * One decision on the active stage of a campaign's live round, by someone eligible for it who
 * neither created nor edited the campaign and has not decided in this round yet. An approval that
 * completes the stage starts the next one (its SLA clock with it) or approves the campaign; a
 * rejection or a request for changes ends the round and returns the campaign to `draft`.
 */
export async function decideOnCampaign(
  tx: Db,
  workspaceId: string,
  decider: Decider,
  input: DecisionInput,
  now = new Date(),
): Promise<Campaign> {
  const comment = input.comment?.trim() || null;
  if (input.decision !== 'approve' && comment === null)
    throw new AppError('unprocessable', 'Say why: a comment is required.', {
      errors: [{ field: 'body.comment', message: 'is required to reject or request changes' }],
    });
  const campaign = await lockCampaign(tx, { workspaceId, id: input.campaignId });
  if (!campaign) throw notFound('Campaign');
  if (campaign.state !== 'pending_approval')
    throw new AppError(
      'conflict',
      campaign.state === 'draft'
        ? 'The campaign has not been submitted for approval.'
        : `The campaign is ${campaign.state}; it is not waiting for approval.`,
    );
  const request = await getLiveApprovalRequest(tx, { workspaceId, campaignId: campaign.id });
  const stages = request
    ? await listStagesOfRequest(tx, { workspaceId, requestId: request.id })
    : [];
  const active = stages.find((stage) => stage.status === 'active');
  if (!request || !active)
    throw new AppError('conflict', 'The campaign has no stage waiting for a decision.');
  if (input.stageId !== undefined && input.stageId !== active.id)
    throw new AppError(
      'conflict',
      `That stage is not the one waiting: stage ${active.position} "${active.name}" is.`,
      { pendingStage: { id: active.id, position: active.position, name: active.name } },
    );
  assertNotAuthor(
    campaign,
    await listDraftEditors(tx, { workspaceId, campaignId: campaign.id }),
    decider.label,
  );
  const decisions = await listDecisionsOfRequest(tx, { workspaceId, requestId: request.id });
  if (decisions.some((d) => d.actor === decider.label))
    throw new AppError(
      'conflict',
      'You have already decided in this approval round; each stage needs someone else.',
    );
  const eligible = eligibility(active, decider.identity);
  if (!eligible) {
    const later = stages.find((s) => s.status === 'waiting' && eligibility(s, decider.identity));
    if (later)
      throw new AppError(
        'conflict',
        `Stage ${active.position} "${active.name}" must approve first; you approve at stage ${later.position} "${later.name}".`,
        { pendingStage: { id: active.id, position: active.position, name: active.name } },
      );
    throw new AppError(
      'forbidden',
      `You are not an approver of stage ${active.position} "${active.name}".`,
    );
  }
  const slots = slotCount(active);
  const approvals = decisions
    .filter((d) => d.stageId === active.id && d.decision === 'approve')
    .map((d) => d.slots);
  const filledBefore = filledSlots(slots, approvals);
  const filledAfter = filledSlots(slots, [...approvals, eligible.slots]);
  if (input.decision === 'approve') {
    const drafts = await listDraftsOfCampaign(tx, { workspaceId, campaignId: campaign.id });
    assertNoDraftErrors(drafts.map(toDraftView), 'approving');
    if (filledAfter === filledBefore)
      throw new AppError(
        'conflict',
        `The approvals you may give in stage ${active.position} "${active.name}" are already given; it waits for other approvers.`,
      );
  }
  const recorded = await insertApprovalDecision(tx, {
    workspaceId,
    requestId: request.id,
    stageId: active.id,
    campaignId: campaign.id,
    actor: decider.label,
    decision: input.decision,
    comment,
    via: input.via ?? eligible.via,
    slots: eligible.slots,
  });
  if (!recorded) throw new AppError('conflict', 'You have already decided in this approval round.');
  const base = {
    workspaceId,
    subjectType: 'campaign',
    subjectId: campaign.id,
    actor: decider.label,
  };
  const stageInfo = { id: active.id, position: active.position, name: active.name };
  let state: CampaignState = campaign.state;
  let updated = campaign;
  if (input.decision === 'approve') {
    const complete = filledAfter === slots;
    await appendEvent(tx, {
      ...base,
      type: eventOf.approve,
      data: {
        requestId: request.id,
        stage: stageInfo,
        via: recorded.via,
        comment,
        stageComplete: complete,
      },
    });
    if (complete) {
      await updateApprovalStage(
        tx,
        { workspaceId, id: active.id },
        { status: 'approved', completedAt: now },
      );
      const next = stages.find((s) => s.position === active.position + 1);
      if (next) {
        const started = await updateApprovalStage(
          tx,
          { workspaceId, id: next.id },
          {
            status: 'active',
            startedAt: now,
            deadlineAt: new Date(now.getTime() + next.slaMinutes * MINUTE),
          },
        );
        if (started) await appendEvent(tx, stageRequestedEvent(campaign, request, started));
      } else {
        await setApprovalRequestStatus(tx, { workspaceId, id: request.id }, { status: 'approved' });
        state = 'approved';
        updated =
          (await setCampaignState(tx, {
            workspaceId,
            id: campaign.id,
            state,
            approvedBy: decider.label,
          })) ?? campaign;
        await appendEvent(tx, {
          ...base,
          type: 'campaign.approved',
          data: { requestId: request.id, level: request.level },
        });
      }
    }
  } else {
    const status = input.decision === 'reject' ? 'rejected' : 'changes_requested';
    await updateApprovalStage(tx, { workspaceId, id: active.id }, { status, completedAt: now });
    await setApprovalRequestStatus(
      tx,
      { workspaceId, id: request.id },
      { status, statusReason: comment },
    );
    await closeOpenStages(tx, { workspaceId, requestId: request.id });
    state = 'draft';
    updated =
      (await setCampaignState(tx, { workspaceId, id: campaign.id, state, approvedBy: null })) ??
      campaign;
    await appendEvent(tx, {
      ...base,
      type: eventOf[input.decision],
      data: { requestId: request.id, stage: stageSummary(active), via: recorded.via, comment },
    });
    await appendEvent(tx, {
      ...base,
      type: 'campaign.returned_to_draft',
      data: {
        from: campaign.state,
        reason: `${status.replace('_', ' ')} at stage ${active.position}`,
      },
    });
  }
  await appendAuditEntry(
    tx,
    campaignAudit(workspaceId, campaign.id, decider.label, eventOf[input.decision], {
      before: { state: campaign.state, stage: stageInfo },
      after: { state },
      data: { requestId: request.id, comment, via: recorded.via },
    }),
  );
  return updated;
}
