import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { lockCampaign, updateCampaign } from '../../db/queries/campaigns.ts';
import { getConnection } from '../../db/queries/connections.ts';
import { getDelivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { DeliveryQueue } from './publishing-deps.ts';
import { type DeliveryView, toDeliveryView } from './views.ts';

/**
 * Someone's decision to try a `failed` or `cancelled` delivery again, now and without its
 * `send_by` (the same idempotency key, so a destination that did receive it drops the repeat). An
 * `unknown` one is not resent: it is queued for another status lookup.
 */
export async function retryDelivery(
  ctx: ServiceContext,
  deps: { queue: DeliveryQueue },
  { id }: { id: string },
): Promise<DeliveryView> {
  const current = await getDelivery(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!current) throw notFound('Delivery');
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const scope = { workspaceId: ctx.workspaceId, id };
    const campaign = await lockCampaign(tx, {
      workspaceId: ctx.workspaceId,
      id: current.campaignId,
    });
    if (!campaign) throw notFound('Delivery');
    if (current.state === 'failed' || current.state === 'cancelled') {
      const connection = await getConnection(tx, {
        workspaceId: ctx.workspaceId,
        id: current.connectionId,
      });
      if (connection?.status !== 'active')
        throw new AppError(
          'conflict',
          'The connection needs reconnecting first: update its credentials.',
        );
    }
    const row =
      current.state === 'unknown'
        ? await transitionDelivery(tx, scope, ['unknown'], { dueAt: now })
        : await transitionDelivery(tx, scope, ['failed', 'cancelled'], {
            state: 'scheduled',
            dueAt: now,
            sendBy: null,
            reason: null,
          });
    if (!row)
      throw new AppError(
        'conflict',
        `The delivery is ${current.state}; only failed, cancelled or unknown ones are retried.`,
      );
    if (row.state === 'scheduled' && campaign.state !== 'publishing')
      await updateCampaign(
        tx,
        { workspaceId: ctx.workspaceId, id: campaign.id },
        { state: 'publishing', stateReason: null },
      );
    await deps.queue.push(tx, { workspaceId: ctx.workspaceId, deliveryId: id }, now);
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'delivery.retry_requested',
      subjectType: 'delivery',
      subjectId: id,
      actor: actorLabel(ctx.actor),
      data: { campaignId: row.campaignId, channel: row.channel, from: current.state },
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'delivery.retry_requested',
      resourceType: 'delivery',
      resourceId: id,
      actor: actorLabel(ctx.actor),
      before: { state: current.state },
      after: { state: row.state },
      data: { campaignId: row.campaignId, channel: row.channel },
    });
    return toDeliveryView(row);
  });
}
