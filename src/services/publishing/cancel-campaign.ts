import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { lockCampaign, updateCampaign } from '../../db/queries/campaigns.ts';
import { listDeliveriesOfCampaign, transitionDelivery } from '../../db/queries/deliveries.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { closeLiveRound } from '../approvals/close-round.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type ScheduledCampaignView, toScheduledCampaignView } from './views.ts';

const CANCELLABLE = new Set(['draft', 'pending_approval', 'approved', 'scheduled']);

/** Cancels a campaign before any of its deliveries has started; its deliveries end `cancelled`. */
export async function cancelCampaign(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ScheduledCampaignView> {
  const actor = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, { workspaceId: ctx.workspaceId, id });
    if (!campaign) throw notFound('Campaign');
    const deliveries = await listDeliveriesOfCampaign(tx, {
      workspaceId: ctx.workspaceId,
      campaignId: id,
    });
    if (!CANCELLABLE.has(campaign.state) || deliveries.some((row) => row.state !== 'scheduled'))
      throw new AppError(
        'conflict',
        `The campaign is ${campaign.state} and sending has started; retry or leave its deliveries instead.`,
      );
    const cancelled = [];
    for (const delivery of deliveries) {
      const row = await transitionDelivery(
        tx,
        { workspaceId: ctx.workspaceId, id: delivery.id },
        ['scheduled'],
        { state: 'cancelled', reason: 'cancelled' },
      );
      // The row lock on the campaign does not cover deliveries: a worker may have claimed one.
      if (!row)
        throw new AppError('conflict', 'A delivery started meanwhile; nothing was cancelled.');
      cancelled.push(row);
    }
    const updated = await updateCampaign(
      tx,
      { workspaceId: ctx.workspaceId, id },
      { state: 'cancelled', stateReason: 'cancelled' },
    );
    if (!updated) throw notFound('Campaign');
    // Nothing is left to approve: open stages stop their SLA clocks.
    await closeLiveRound(tx, {
      workspaceId: ctx.workspaceId,
      campaignId: id,
      status: 'cancelled',
      reason: `cancelled by ${actor}`,
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'campaign.cancelled',
      resourceType: 'campaign',
      resourceId: id,
      actor,
      before: { state: campaign.state },
      after: { state: updated.state },
      data: { deliveries: cancelled.length },
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'campaign.cancelled',
      subjectType: 'campaign',
      subjectId: id,
      actor,
      data: { from: campaign.state, deliveries: cancelled.length },
    });
    return toScheduledCampaignView(updated, cancelled);
  });
}
