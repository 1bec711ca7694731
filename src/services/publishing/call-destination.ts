import type { OutgoingMessage } from '../../channels/outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../../channels/publish-error.ts';
import type { Db } from '../../db/client.ts';
import type { Connection } from '../../db/queries/connections.ts';
import type { Delivery } from '../../db/queries/deliveries.ts';
import { type DraftRow, getDraft } from '../../db/queries/drafts.ts';
import type { ChannelId } from '../../generation/channels.ts';
import type { DraftContent } from '../../generation/draft.ts';
import { describeError } from '../../lib/query-errors.ts';
import { openConnection } from './open-connection.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { readBatchRecipients } from './read-batch-recipients.ts';
import type { CallOutcome } from './settle-delivery.ts';

/**
 * Makes the one call of a claimed (`sending`) delivery and says how it ended, without recording
 * it (the caller settles, one by one or in bulk). Returns null when there is nothing to send (a
 * later audience page turned out empty). A problem before the call is never `unknown`.
 */
export async function callDestination(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  connection: Connection,
  knownDraft?: DraftRow,
): Promise<{ sending: Delivery; outcome: CallOutcome } | null> {
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(db, deps, delivery, connection, knownDraft);
  } catch (error) {
    return { sending: delivery, outcome: { kind: 'error', error: asNotSent(error) } };
  }
  if (prepared === null) return null;
  const { sending, message, opened } = prepared;
  try {
    return {
      sending,
      outcome: { kind: 'sent', receipt: await opened.adapter.publish(opened.call, message) },
    };
  } catch (error) {
    return { sending, outcome: { kind: 'error', error } };
  }
}

async function prepare(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  connection: Connection,
  knownDraft: DraftRow | undefined,
) {
  if (connection.status !== 'active')
    throw new PublishError(
      'auth_expired',
      'The connection needs reconnecting: update its credentials, then retry the delivery.',
    );
  const opened = openConnection(connection, { db, ...deps });
  const draft =
    knownDraft ?? (await getDraft(db, { workspaceId: delivery.workspaceId, id: delivery.draftId }));
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
