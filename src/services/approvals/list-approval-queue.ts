import { listActiveStages } from '../../db/queries/approval-stages.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';
import { deciderOf } from './approver-identity.ts';

export interface QueueEntry {
  id: string;
  campaignId: string;
  campaignName: string;
  requestId: string;
  level: string;
  stage: {
    id: string;
    position: number;
    name: string;
    origin: 'level' | 'legal';
    mode: 'all' | 'any';
    approvers: { roles: string[]; members: string[] };
    escalated: { roles: string[]; members: string[] };
    status: 'waiting' | 'active' | 'approved' | 'rejected' | 'changes_requested' | 'closed';
    slaMinutes: number;
    startedAt: string | null;
    deadlineAt: string | null;
    overdue: boolean;
    escalations: number;
  };
  deadlineAt: string | null;
  overdue: boolean;
  createdAt: string;
}

/**
 * Stages waiting for a decision, oldest first, with their deadlines. `mine`: only those the caller
 * is named for (by role, label, member id or escalation), has not decided on, and did not author.
 * Admins may approve any stage, but their queue lists only what names them.
 */
export async function listApprovalQueue(
  ctx: ServiceContext,
  { mine, limit, after }: { mine: boolean; limit: number; after?: PageAfter | undefined },
  now = new Date(),
): Promise<QueueEntry[]> {
  const approver = mine ? await deciderOf(ctx.db, ctx.workspaceId, ctx.actor) : undefined;
  const rows = await listActiveStages(ctx.db, {
    workspaceId: ctx.workspaceId,
    approver: approver && {
      label: approver.label,
      memberId: approver.identity.memberId,
      roles: approver.identity.roles,
    },
    limit,
    after,
  });
  return rows.map(({ stage, campaignName, level }) => {
    const deadlineAt = stage.deadlineAt?.toISOString() ?? null;
    const overdue =
      stage.overdueAt !== null || (stage.deadlineAt !== null && stage.deadlineAt <= now);
    return {
      id: stage.id,
      campaignId: stage.campaignId,
      campaignName,
      requestId: stage.requestId,
      level,
      stage: {
        id: stage.id,
        position: stage.position,
        name: stage.name,
        origin: stage.origin,
        mode: stage.mode,
        approvers: { roles: [...stage.approvers.roles], members: [...stage.approvers.members] },
        escalated: { roles: [...stage.escalated.roles], members: [...stage.escalated.members] },
        status: stage.status,
        slaMinutes: stage.slaMinutes,
        startedAt: stage.startedAt?.toISOString() ?? null,
        deadlineAt,
        overdue,
        escalations: stage.escalations,
      },
      deadlineAt,
      overdue,
      createdAt: (stage.startedAt ?? stage.createdAt).toISOString(),
    };
  });
}
