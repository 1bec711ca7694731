import type { Db } from '../../db/client.ts';
import { getConnection } from '../../db/queries/connections.ts';
import { type Delivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import { describeError } from '../../lib/query-errors.ts';
import { openConnection } from './open-connection.ts';
import { backoffMs, type PublishingDeps } from './publishing-deps.ts';
import { withCampaignRollup } from './rollup-campaign.ts';
import { announce } from './settle-delivery.ts';

/**
 * An `unknown` delivery (a call that got no answer, or a worker that died mid-call) is settled by
 * asking the destination, never by sending again: found → `sent` with the remote id it reports;
 * not found → `scheduled` again, to be sent with the same idempotency key; the lookup itself
 * failing → still `unknown`, asked again later with backoff.
 */
export async function resolveUnknownDelivery(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  now = new Date(),
): Promise<void> {
  const scope = { workspaceId: delivery.workspaceId, id: delivery.id };
  const at = now.toISOString();
  const connection = await getConnection(db, {
    workspaceId: delivery.workspaceId,
    id: delivery.connectionId,
  });
  if (!connection) throw new Error(`delivery ${delivery.id}: its connection is gone`);
  let lookup: Awaited<ReturnType<ReturnType<typeof openConnection>['adapter']['status']>>;
  try {
    const { adapter, call } = openConnection(connection, { db, ...deps });
    lookup = await adapter.status(call, {
      idempotencyKey: delivery.idempotencyKey,
      deliveryId: delivery.id,
    });
  } catch (error) {
    const lookups = delivery.attempts.filter((attempt) => attempt.outcome === 'unknown').length;
    const dueAt = new Date(now.getTime() + backoffMs(deps.retry, lookups));
    const row = await transitionDelivery(db, scope, ['unknown'], {
      dueAt,
      lastError: { kind: 'unknown', message: `Status lookup failed: ${describeError(error)}` },
    });
    if (row) await deps.queue.push(db, { workspaceId: row.workspaceId, deliveryId: row.id }, dueAt);
    return;
  }
  if (lookup.found) {
    const { remoteId, remoteUrl } = lookup;
    const campaign = { workspaceId: delivery.workspaceId, id: delivery.campaignId };
    return withCampaignRollup(db, campaign, async (tx) => {
      const row = await transitionDelivery(tx, scope, ['unknown'], {
        state: 'sent',
        remoteId,
        remoteUrl,
        lastError: null,
        attempt: { at, outcome: 'found' },
      });
      if (row)
        await announce(tx, row, 'delivery.sent', {
          remoteId,
          remoteUrl,
          resolvedBy: 'status_lookup',
        });
    });
  }
  const row = await transitionDelivery(db, scope, ['unknown'], {
    state: 'scheduled',
    dueAt: now,
    attempt: { at, outcome: 'not_found' },
  });
  if (!row) return;
  await announce(db, row, 'delivery.retry_scheduled', { reason: 'not found at the destination' });
  await deps.queue.push(db, { workspaceId: row.workspaceId, deliveryId: row.id }, now);
}
