import { randomUUID } from 'node:crypto';
import type { ChannelAdapter, ChannelCall } from '../../channels/define-channel.ts';
import { PublishError } from '../../channels/publish-error.ts';
import type { Db } from '../../db/client.ts';
import { lockCampaign } from '../../db/queries/campaigns.ts';
import {
  type Delivery,
  deleteDelivery,
  insertDeliveries,
  transitionDelivery,
} from '../../db/queries/deliveries.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { rollupCampaign } from './rollup-campaign.ts';

/**
 * For destinations that own the audience (a CRM): batch n reads its page of recipients once and
 * keeps it, so a retry or a resumed send goes to exactly the same people, and creates batch n+1
 * for the next page in the same transaction. Only one page is ever in memory. Returns the delivery
 * with its recipients, or null when a later page turned out empty (that batch is dropped).
 */
export async function readBatchRecipients(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  adapter: ChannelAdapter,
  call: ChannelCall<unknown, unknown>,
): Promise<Delivery | null> {
  if (delivery.recipients !== null || adapter.audience === null) return delivery;
  const page = await adapter.audience.listRecipients(call, {
    cursor: delivery.cursor,
    limit: adapter.audience.batchSize,
  });
  if (page.recipients.length === 0 && delivery.batch === 0)
    throw new PublishError('rejected', 'The audience has no active recipients; nothing was sent.');
  return db.transaction(async (tx) => {
    if (page.recipients.length === 0) {
      // Campaign first, then delivery: the lock order every other path uses.
      await lockCampaign(tx, { workspaceId: delivery.workspaceId, id: delivery.campaignId });
      await deleteDelivery(tx, { workspaceId: delivery.workspaceId, id: delivery.id });
      await rollupCampaign(tx, {
        workspaceId: delivery.workspaceId,
        campaignId: delivery.campaignId,
      });
      return null;
    }
    const stored = await transitionDelivery(
      tx,
      { workspaceId: delivery.workspaceId, id: delivery.id },
      ['sending'],
      { recipients: page.recipients },
    );
    if (!stored) throw new Error(`delivery ${delivery.id} left sending while reading recipients`);
    if (page.nextCursor !== null) {
      const id = randomUUID();
      const [next] = await insertDeliveries(tx, [
        {
          id,
          workspaceId: delivery.workspaceId,
          campaignId: delivery.campaignId,
          draftId: delivery.draftId,
          connectionId: delivery.connectionId,
          channel: delivery.channel,
          batch: delivery.batch + 1,
          cursor: page.nextCursor,
          state: 'scheduled',
          dueAt: new Date(),
          sendBy: delivery.sendBy,
          idempotencyKey: `toombos-${id}`,
        },
      ]);
      if (next)
        await deps.queue.push(
          tx,
          { workspaceId: next.workspaceId, deliveryId: next.id },
          next.dueAt,
        );
    }
    return stored;
  });
}
