import type { OutgoingMessage } from '../../channels/outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../../channels/publish-error.ts';
import type { Db } from '../../db/client.ts';
import { markCampaignPublishing } from '../../db/queries/campaigns.ts';
import { type Connection, getConnection } from '../../db/queries/connections.ts';
import { type Delivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import { getDraft } from '../../db/queries/drafts.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { ChannelId } from '../../generation/channels.ts';
import type { DraftContent } from '../../generation/draft.ts';
import { describeError } from '../../lib/query-errors.ts';
import { type OpenedConnection, openConnection } from './open-connection.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { readBatchRecipients } from './read-batch-recipients.ts';
import { rollupCampaign } from './rollup-campaign.ts';
import { announce, settleDelivery } from './settle-delivery.ts';
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
    const row = await transitionDelivery(db, scope, ['scheduled'], {
      state: 'cancelled',
      reason: 'missed_window',
    });
    if (row) await announce(db, row, 'delivery.cancelled', { reason: 'missed_window' });
    return rollupCampaign(db, {
      workspaceId: delivery.workspaceId,
      campaignId: delivery.campaignId,
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
  const claimed = await transitionDelivery(db, scope, ['scheduled'], {
    state: 'sending',
    sendingAt: now,
    dueBefore: now,
  });
  if (!claimed) return;
  await announce(db, claimed, 'delivery.sending');
  const campaign = { workspaceId: claimed.workspaceId, id: claimed.campaignId };
  if (await markCampaignPublishing(db, campaign))
    await appendEvent(db, {
      workspaceId: claimed.workspaceId,
      type: 'campaign.publishing',
      subjectType: 'campaign',
      subjectId: claimed.campaignId,
      actor: 'system:worker',
      data: { from: 'scheduled' },
    });
  await publishClaimed(db, deps, claimed, connection);
}

async function publishClaimed(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  connection: Connection,
): Promise<void> {
  let prepared: { sending: Delivery; message: OutgoingMessage; opened: OpenedConnection } | null;
  try {
    prepared = await prepare(db, deps, delivery, connection);
  } catch (error) {
    // Nothing was sent yet: a problem here is never `unknown`.
    return settleDelivery(db, deps, delivery, { kind: 'error', error: asNotSent(error) });
  }
  if (prepared === null) return;
  const { sending, message, opened } = prepared;
  try {
    const receipt = await opened.adapter.publish(opened.call, message);
    await settleDelivery(db, deps, sending, { kind: 'sent', receipt });
  } catch (error) {
    await settleDelivery(db, deps, sending, { kind: 'error', error });
  }
}

async function prepare(db: Db, deps: PublishingDeps, delivery: Delivery, connection: Connection) {
  if (connection.status !== 'active')
    throw new PublishError(
      'auth_expired',
      'The connection needs reconnecting: update its credentials, then retry the delivery.',
    );
  const opened = openConnection(connection, { db, ...deps });
  const draft = await getDraft(db, { workspaceId: delivery.workspaceId, id: delivery.draftId });
  if (!draft) throw new PublishError('rejected', 'The draft of this delivery no longer exists.');
  const sending = await readBatchRecipients(db, deps, delivery, opened.adapter, opened.call);
  if (sending === null) return null;
  const message: OutgoingMessage = {
    deliveryId: delivery.id,
    campaignId: delivery.campaignId,
    channel: delivery.channel as ChannelId,
    idempotencyKey: delivery.idempotencyKey,
    content: draft.content as unknown as DraftContent,
    recipients: sending.recipients ?? undefined,
  };
  return { sending, message, opened };
}

/** Before the call, only a refusal the adapter classified may retry; anything else is final. */
function asNotSent(error: unknown): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof OutcomeUnknownError)
    return new PublishError('transient', error.message, { cause: error });
  return new PublishError('rejected', `Could not prepare the delivery: ${describeError(error)}`, {
    cause: error,
  });
}
