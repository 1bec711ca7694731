import type { Db } from '../../db/client.ts';
import { listEvents } from '../../db/queries/events.ts';
import {
  claimEndpointsBehind,
  currentEventSeq,
  insertWebhookDeliveries,
  updateWebhookEndpoint,
} from '../../db/queries/webhooks.ts';
import { matchesTypeFilter, typeFilterOf } from '../events/event-query.ts';
import { toEventView } from '../events/event-view.ts';
import type { WebhookQueue } from './webhook-deps.ts';

const ENDPOINTS_AT_ONCE = 10;
const EVENTS_AT_ONCE = 200;

/**
 * Fans the event log out to webhook endpoints: for each active endpoint behind its workspace's
 * latest position, the events after its cursor (`last_seq`) that pass its filter become
 * deliveries with a job each, and the cursor moves, all in one transaction. A process dying
 * mid-way loses nothing (the cursor did not move) and doubles nothing (one delivery per endpoint
 * and event). Returns how many deliveries it created.
 */
export async function dispatchWebhookEvents(db: Db, queue: WebhookQueue): Promise<number> {
  let created = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const endpoints = await claimEndpointsBehind(tx, ENDPOINTS_AT_ONCE);
      const now = new Date();
      for (const endpoint of endpoints) {
        const rows = await listEvents(tx, {
          workspaceId: endpoint.workspaceId,
          afterSeq: endpoint.lastSeq,
          limit: EVENTS_AT_ONCE,
        });
        const filter = typeFilterOf(endpoint.eventTypes);
        const inserted = await insertWebhookDeliveries(
          tx,
          rows
            .filter((row) => matchesTypeFilter(filter, row.type))
            .map((row) => {
              const view = toEventView(row);
              return {
                workspaceId: endpoint.workspaceId,
                endpointId: endpoint.id,
                eventId: row.id,
                eventType: row.type,
                messageId: `msg_${endpoint.workspaceId.replaceAll('-', '')}_${view.id}`,
                payload: { type: row.type, timestamp: view.createdAt, data: view },
                status: 'pending' as const,
                nextAttemptAt: now,
                windowStartedAt: now,
              };
            }),
        );
        for (const delivery of inserted)
          await queue.push(tx, { workspaceId: delivery.workspaceId, deliveryId: delivery.id }, now);
        created += inserted.length;
        const lastSeq = rows.at(-1)?.seq ?? (await currentEventSeq(tx, endpoint.workspaceId));
        await updateWebhookEndpoint(
          tx,
          { workspaceId: endpoint.workspaceId, id: endpoint.id },
          { lastSeq },
        );
      }
      return endpoints.length;
    });
    if (handled === 0) return created;
  }
}
