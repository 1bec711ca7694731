import { z } from 'zod';
import { type ApproverList, filledSlots, slotCount } from '../../approvals/stage-eligibility.ts';
import { approvalRequestStatuses, decisionKinds, stageStatuses } from '../../db/approval-schema.ts';
import type { ApprovalDecision } from '../../db/queries/approval-decisions.ts';
import type { ApprovalRequest } from '../../db/queries/approval-requests.ts';
import type { ApprovalStage } from '../../db/queries/approval-stages.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';
import { type CampaignView, toCampaignView } from '../campaigns/views.ts';

const approverListSchema = z.object({ roles: z.array(z.string()), members: z.array(z.string()) });

export const decisionViewSchema = z.object({
  actor: z.string(),
  decision: z.enum(decisionKinds),
  comment: z.string().nullable(),
  via: z.string(),
  createdAt: z.iso.datetime(),
});

export const stageViewSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    name: z.string(),
    origin: z.enum(['level', 'legal']),
    mode: z.enum(['all', 'any']),
    approvers: approverListSchema,
    /** Added when the stage ran past its SLA: the next level's approvers. */
    escalated: approverListSchema,
    status: z.enum(stageStatuses),
    slaMinutes: z.number().int(),
    startedAt: z.iso.datetime().nullable(),
    deadlineAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    escalations: z.number().int(),
    /** Approvals still needed before the stage completes. */
    remaining: z.number().int(),
    decisions: z.array(decisionViewSchema),
  })
  .meta({ id: 'ApprovalStage' });

export const roundViewSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(approvalRequestStatuses),
    statusReason: z.string().nullable(),
    level: z.string(),
    levelName: z.string(),
    /** Why this level: the rule that matched (null = the default level) and what made it match. */
    explanation: z.object({
      summary: z.string(),
      rule: z
        .object({ id: z.string(), description: z.string(), position: z.number().int() })
        .nullable(),
      reasons: z.array(z.string()),
      legal: z.object({ required: z.boolean(), reasons: z.array(z.string()) }),
    }),
    submittedBy: z.string(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    stages: z.array(stageViewSchema),
  })
  .meta({ id: 'ApprovalRound' });

export type CampaignApprovalView = { campaign: CampaignView; round: RoundView | null };
export type RoundView = z.infer<typeof roundViewSchema>;

export function toRoundView(
  request: ApprovalRequest,
  stages: readonly ApprovalStage[],
  decisions: readonly ApprovalDecision[],
  now = new Date(),
): RoundView {
  const { decision } = request;
  return {
    id: request.id,
    status: request.status,
    statusReason: request.statusReason,
    level: request.level,
    levelName: decision.levelName,
    explanation: {
      summary: decision.summary,
      rule: decision.rule,
      reasons: decision.reasons,
      legal: decision.legal,
    },
    submittedBy: request.submittedBy,
    createdAt: request.createdAt.toISOString(),
    closedAt: request.closedAt?.toISOString() ?? null,
    stages: stages.map((stage) => {
      const own = decisions.filter((d) => d.stageId === stage.id);
      const slots = slotCount(stage);
      const approvals = own.filter((d) => d.decision === 'approve').map((d) => d.slots);
      return {
        id: stage.id,
        position: stage.position,
        name: stage.name,
        origin: stage.origin,
        mode: stage.mode,
        approvers: copy(stage.approvers),
        escalated: copy(stage.escalated),
        status: stage.status,
        slaMinutes: stage.slaMinutes,
        startedAt: stage.startedAt?.toISOString() ?? null,
        deadlineAt: stage.deadlineAt?.toISOString() ?? null,
        overdue:
          stage.status === 'active' &&
          (stage.overdueAt !== null || (stage.deadlineAt !== null && stage.deadlineAt <= now)),
        escalations: stage.escalations,
        remaining: stage.status === 'approved' ? 0 : slots - filledSlots(slots, approvals),
        decisions: own.map((d) => ({
          actor: d.actor,
          decision: d.decision,
          comment: d.comment,
          via: d.via,
          createdAt: d.createdAt.toISOString(),
        })),
      };
    }),
  };
}

function copy(list: ApproverList) {
  return { roles: [...list.roles], members: [...list.members] };
}

export function toCampaignApprovalView(
  campaign: Campaign,
  round:
    | { request: ApprovalRequest; stages: ApprovalStage[]; decisions: ApprovalDecision[] }
    | undefined,
): CampaignApprovalView {
  return {
    campaign: toCampaignView(campaign),
    round: round ? toRoundView(round.request, round.stages, round.decisions) : null,
  };
}
