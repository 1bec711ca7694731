import type { Db } from '../../db/client.ts';
import { lockCampaign } from '../../db/queries/campaigns.ts';
import { type Connection, getConnection } from '../../db/queries/connections.ts';
import { type Delivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import { approvalExpired } from '../campaigns/approval-gate.ts';
import { callDestination } from './call-destination.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { withCampaignRollup } from './rollup-campaign.ts';
import { announce, settleDelivery } from './settle-delivery.ts';
import { startCampaigns } from './start-campaigns.ts';
import { takeRateSlot } from './take-rate-slot.ts';

/**
 * A `scheduled` delivery whose time has come: cancelled if its `send_by` has passed, postponed if
 * its connection's rate window is full, otherwise claimed (`sending`, compare-and-set: of two
 * workers, one wins) and published once. The remote id is stored the moment the call returns.
 */
export async function startDelivery(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  now = new Date(),
): Promise<void> {
  const scope = { workspaceId: delivery.workspaceId, id: delivery.id };
  // An early job (the delivery was rescheduled or is waiting out a retry): its own job comes later.
  if (delivery.dueAt > now) return;
  if (delivery.sendBy !== null && now > delivery.sendBy) {
    const campaign = { workspaceId: delivery.workspaceId, id: delivery.campaignId };
    return withCampaignRollup(db, campaign, async (tx) => {
      const row = await transitionDelivery(tx, scope, ['scheduled'], {
        state: 'cancelled',
        reason: 'missed_window',
      });
      if (row) await announce(tx, row, 'delivery.cancelled', { reason: 'missed_window' });
    });
  }
  const connection = await getConnection(db, {
    workspaceId: delivery.workspaceId,
    id: delivery.connectionId,
  });
  if (!connection) throw new Error(`delivery ${delivery.id}: its connection is gone`);
  const later = await takeRateSlot(db, connection, now);
  if (later !== null) {
    const row = await transitionDelivery(db, scope, ['scheduled'], { dueAt: later });
    if (row) await deps.queue.push(db, { workspaceId: row.workspaceId, deliveryId: row.id }, later);
    return;
  }
  // One commit for the claim and what it announces: on PGlite every commit is a write to disk.
  const claimed = await db.transaction(async (tx) => {
    // Campaign first, then delivery: the order the API's cancel and reschedule lock them in.
    const campaign = await lockCampaign(tx, {
      workspaceId: delivery.workspaceId,
      id: delivery.campaignId,
    });
    // The one gate: a lapsed approval sends nothing (the approval clock takes the campaign back).
    if (campaign && approvalExpired(campaign, now)) return undefined;
    const row = await transitionDelivery(tx, scope, ['scheduled'], {
      state: 'sending',
      // The moment of the claim (the rate-slot and connection reads above took time).
      sendingAt: new Date(Math.max(Date.now(), now.getTime())),
      dueBefore: now,
    });
    if (!row) return undefined;
    await announce(tx, row, 'delivery.sending');
    await startCampaigns(tx, [{ workspaceId: row.workspaceId, id: row.campaignId }]);
    return row;
  });
  if (!claimed) return;
  await publishClaimed(db, deps, claimed, connection);
}

async function publishClaimed(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  connection: Connection,
): Promise<void> {
  const called = await callDestination(db, deps, delivery, connection);
  if (called !== null) await settleDelivery(db, deps, called.sending, called.outcome);
}
