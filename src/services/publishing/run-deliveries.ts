import type { Db } from '../../db/client.ts';
import { lockCampaigns } from '../../db/queries/campaigns.ts';
import { type Connection, getConnectionsByRefs } from '../../db/queries/connections.ts';
import {
  claimDeliveries,
  type Delivery,
  getDeliveriesByRefs,
  markDeliveriesSent,
} from '../../db/queries/deliveries.ts';
import { getDraftsByRefs } from '../../db/queries/drafts.ts';
import type { ScopedRef } from '../../db/queries/scoped-refs.ts';
import { appendEvents } from '../../events/append-event.ts';
import { mapConcurrently } from '../../lib/map-concurrently.ts';
import { approvalExpired } from '../campaigns/approval-gate.ts';
import { callDestinations } from './call-destination.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { rollupLockedCampaigns } from './rollup-campaign.ts';
import { runDelivery } from './run-delivery.ts';
import { deliveryEvent, settleDelivery } from './settle-delivery.ts';
import { startCampaigns } from './start-campaigns.ts';

/** Calls to destinations in flight at once per batch. */
const CALLS_AT_ONCE = 20;

/**
 * A worker's batch of delivery jobs. Deliveries that are simply due (scheduled, within their
 * `send_by`, on an active connection without a rate limit) go through in bulk: one claim, one
 * read of their drafts, the calls, one statement recording every success with its remote id, one
 * roll-up of their campaigns. The rest, and every call that did not succeed, take the one-by-one
 * path (`runDelivery`, `settleDelivery`): the same state machine, the same compare-and-sets.
 */
export async function runDeliveries(
  db: Db,
  deps: PublishingDeps,
  jobs: ReadonlyArray<{ workspaceId: string; deliveryId: string }>,
  now = new Date(),
): Promise<void> {
  const rows = await getDeliveriesByRefs(
    db,
    jobs.map((job) => ({ workspaceId: job.workspaceId, id: job.deliveryId })),
  );
  const connections = await connectionsOf(db, rows);
  const simple = (row: Delivery) => {
    const connection = connections.get(row.connectionId);
    return (
      row.state === 'scheduled' &&
      row.dueAt <= now &&
      (row.sendBy === null || now <= row.sendBy) &&
      connection?.status === 'active' &&
      connection.rateLimit === null
    );
  };
  await mapConcurrently(
    rows.filter((row) => !simple(row)),
    CALLS_AT_ONCE,
    (row) => runDelivery(db, deps, { workspaceId: row.workspaceId, deliveryId: row.id }, now),
  );
  const claimed = await claim(db, rows.filter(simple), now);
  if (claimed.length === 0) return;
  const drafts = new Map(
    (
      await getDraftsByRefs(
        db,
        claimed.map((row) => ({ workspaceId: row.workspaceId, id: row.draftId })),
      )
    ).map((draft) => [draft.id, draft]),
  );
  const sent: Array<ScopedRef & { remoteId: string; remoteUrl: string | null }> = [];
  for (const [connectionId, group] of groupBy(claimed, (row) => row.connectionId)) {
    const connection = connections.get(connectionId);
    if (!connection) continue;
    const called = await callDestinations(db, deps, group, connection, {
      drafts,
      callsAtOnce: CALLS_AT_ONCE,
    });
    for (const { sending, outcome } of called) {
      if (outcome.kind === 'sent')
        sent.push({ workspaceId: sending.workspaceId, id: sending.id, ...outcome.receipt });
      else await settleDelivery(db, deps, sending, outcome);
    }
  }
  // One commit records the sends and rolls their campaigns up; campaigns are locked first, the
  // order every path takes (then deliveries), so this never waits on a cancel in a cycle.
  await db.transaction(async (tx) => {
    const locked = await lockCampaigns(tx, campaignsOf(claimed));
    const recorded = await markDeliveriesSent(tx, sent, new Date());
    await appendEvents(
      tx,
      recorded.map((row) =>
        deliveryEvent(row, 'delivery.sent', { remoteId: row.remoteId, remoteUrl: row.remoteUrl }),
      ),
    );
    await rollupLockedCampaigns(tx, locked);
  });
}

async function connectionsOf(db: Db, rows: readonly Delivery[]): Promise<Map<string, Connection>> {
  const refs = new Map(rows.map((row) => [row.connectionId, row.workspaceId]));
  const found = await getConnectionsByRefs(
    db,
    [...refs].map(([id, workspaceId]) => ({ workspaceId, id })),
  );
  return new Map(found.map((connection) => [connection.id, connection]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function campaignsOf(
  rows: ReadonlyArray<Pick<Delivery, 'workspaceId' | 'campaignId'>>,
): ScopedRef[] {
  const refs = new Map(rows.map((row) => [row.campaignId, row.workspaceId]));
  return [...refs].map(([id, workspaceId]) => ({ workspaceId, id }));
}

/** One commit claims them all, with their `delivery.sending` and `campaign.publishing` events. */
async function claim(db: Db, due: readonly Delivery[], now: Date): Promise<Delivery[]> {
  if (due.length === 0) return [];
  return db.transaction(async (tx) => {
    // Campaigns first, then deliveries: the order the API's cancel and reschedule lock them in,
    // so the two never wait on each other in a cycle.
    const locked = await lockCampaigns(tx, campaignsOf(due));
    // The one gate: a campaign whose approval lapsed (publishing did not start in time) sends
    // nothing; the approval clock takes it back to approval.
    const lapsed = new Set(locked.filter((row) => approvalExpired(row, now)).map((row) => row.id));
    const allowed = due.filter((row) => !lapsed.has(row.campaignId));
    if (allowed.length === 0) return [];
    // Stamped when the claim runs, not when the batch was fetched: `sending_at` is what the
    // schedule-lag figure is measured on.
    const claimed = await claimDeliveries(tx, {
      refs: allowed,
      now: new Date(Math.max(Date.now(), now.getTime())),
    });
    await appendEvents(
      tx,
      claimed.map((row) => deliveryEvent(row, 'delivery.sending')),
    );
    await startCampaigns(tx, campaignsOf(claimed));
    return claimed;
  });
}
