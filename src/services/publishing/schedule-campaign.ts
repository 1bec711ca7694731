import { randomUUID } from 'node:crypto';
import { getActiveStageOfCampaign } from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { lockCampaign, updateCampaign } from '../../db/queries/campaigns.ts';
import {
  deleteScheduledDeliveries,
  insertDeliveries,
  listDeliveriesOfCampaign,
} from '../../db/queries/deliveries.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { toInstant } from '../../lib/zoned-instant.ts';
import { approvalExpiryFor, assertMayPublish } from '../campaigns/approval-gate.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { getWorkspace } from '../workspaces/get-workspace.ts';
import { chooseConnections } from './choose-connections.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import type { ScheduleInput } from './schedule-input.ts';
import { type ScheduledCampaignView, toScheduledCampaignView } from './views.ts';

const MINUTE = 60_000;

/**
 * Schedules an approved campaign (or reschedules one whose deliveries have not started): one
 * delivery per draft on its chosen connection, due at `at` plus the channel's offset, each with its
 * own idempotency key, and a job per delivery at its due time. Instants are stored in UTC with the
 * zone they were given in.
 */
export async function scheduleCampaign(
  ctx: ServiceContext,
  deps: Pick<PublishingDeps, 'queue'>,
  { id, input }: { id: string; input: ScheduleInput },
): Promise<ScheduledCampaignView> {
  const workspace = await getWorkspace(ctx);
  const zone = input.zone ?? workspace.timeZone;
  const now = new Date();
  const at = input.at === undefined ? now : instant(input.at, zone, 'at');
  const sendBy = input.sendBy === undefined ? null : instant(input.sendBy, zone, 'sendBy');
  const offsets = input.offsets ?? {};
  const actor = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const scope = { workspaceId: ctx.workspaceId, campaignId: id };
    const campaign = await lockCampaign(tx, { workspaceId: ctx.workspaceId, id });
    if (!campaign) throw notFound('Campaign');
    const pending =
      campaign.state === 'pending_approval' ? await getActiveStageOfCampaign(tx, scope) : undefined;
    assertMayPublish(campaign, pending, now);
    const existing = await listDeliveriesOfCampaign(tx, scope);
    if (existing.some((delivery) => delivery.state !== 'scheduled'))
      throw new AppError('conflict', 'Publishing has started; the schedule can no longer change.');
    // Nothing has started: the old deliveries go, and jobs still queued for them find no row.
    await deleteScheduledDeliveries(tx, scope);
    const drafts = await listDraftsOfCampaign(tx, scope);
    const connections = await chooseConnections(tx, ctx.workspaceId, drafts, input.connections);
    const rows = drafts.map((draft) => {
      const deliveryId = randomUUID();
      const connection = connections.get(draft.id);
      if (!connection) throw new Error(`no connection chosen for draft ${draft.id}`);
      const offset = offsets[draft.channel as keyof typeof offsets] ?? 0;
      return {
        id: deliveryId,
        workspaceId: ctx.workspaceId,
        campaignId: id,
        draftId: draft.id,
        connectionId: connection.id,
        channel: draft.channel,
        state: 'scheduled' as const,
        dueAt: new Date(at.getTime() + offset * MINUTE),
        sendBy,
        idempotencyKey: `toombos-${deliveryId}`,
      };
    });
    const deliveries = await insertDeliveries(tx, rows);
    const firstDue = Math.min(...rows.map((row) => row.dueAt.getTime()));
    const updated = await updateCampaign(
      tx,
      { workspaceId: ctx.workspaceId, id },
      {
        state: 'scheduled',
        scheduledAt: at,
        scheduleZone: zone,
        sendBy,
        channelOffsets: offsets,
        stateReason: null,
        // The approval holds for this schedule only: if publishing has not started by then, it lapses.
        approvalExpiresAt: rows.length === 0 ? null : approvalExpiryFor(new Date(firstDue)),
      },
    );
    if (!updated) throw notFound('Campaign');
    for (const delivery of deliveries)
      await deps.queue.push(
        tx,
        { workspaceId: ctx.workspaceId, deliveryId: delivery.id },
        delivery.dueAt,
      );
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: campaign.state === 'scheduled' ? 'campaign.rescheduled' : 'campaign.scheduled',
      subjectType: 'campaign',
      subjectId: id,
      actor,
      data: {
        at: at.toISOString(),
        zone,
        sendBy: sendBy?.toISOString() ?? null,
        deliveries: deliveries.map((delivery) => ({
          id: delivery.id,
          channel: delivery.channel,
          connectionId: delivery.connectionId,
          dueAt: delivery.dueAt.toISOString(),
        })),
      },
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: campaign.state === 'scheduled' ? 'campaign.rescheduled' : 'campaign.scheduled',
      resourceType: 'campaign',
      resourceId: id,
      actor,
      before: {
        state: campaign.state,
        scheduledAt: campaign.scheduledAt?.toISOString() ?? null,
        scheduleZone: campaign.scheduleZone,
        sendBy: campaign.sendBy?.toISOString() ?? null,
        channelOffsets: campaign.channelOffsets,
      },
      after: {
        state: updated.state,
        scheduledAt: at.toISOString(),
        scheduleZone: zone,
        sendBy: sendBy?.toISOString() ?? null,
        channelOffsets: offsets,
      },
      data: { deliveries: deliveries.length },
    });
    return toScheduledCampaignView(updated, deliveries);
  });
}

function instant(value: string, zone: string, field: string): Date {
  const parsed = toInstant(value, zone);
  if (parsed === null)
    throw new AppError('validation', `${field} is not an ISO 8601 date-time.`, {
      errors: [
        {
          field,
          message:
            'must be an ISO 8601 date-time, e.g. 2026-03-09T09:00 (read in the zone) or 2026-03-09T13:00:00Z',
        },
      ],
    });
  return parsed;
}
