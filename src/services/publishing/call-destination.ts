import type { OutgoingMessage, PublishResult } from '../../channels/outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../../channels/publish-error.ts';
import type { Db } from '../../db/client.ts';
import type { Connection } from '../../db/queries/connections.ts';
import type { Delivery } from '../../db/queries/deliveries.ts';
import { type DraftRow, getDraft } from '../../db/queries/drafts.ts';
import type { ChannelId } from '../../generation/channels.ts';
import type { DraftContent } from '../../generation/draft.ts';
import { mapConcurrently } from '../../lib/map-concurrently.ts';
import { describeError } from '../../lib/query-errors.ts';
import { type OpenedConnection, openConnection } from './open-connection.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { readBatchRecipients } from './read-batch-recipients.ts';
import type { CallOutcome } from './settle-delivery.ts';

export interface CalledDestination {
  sending: Delivery;
  outcome: CallOutcome;
}

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
): Promise<CalledDestination | null> {
  const prepared = await prepareCall(db, deps, delivery, connection, knownDraft);
  if (prepared === null || prepared.kind === 'refused') return prepared;
  return publishReady(prepared);
}

/**
 * The calls of several claimed deliveries of one connection: prepared `callsAtOnce` at a time,
 * then one `publishMany` when the adapter takes messages together, else one `publish` each
 * (`callsAtOnce` in flight). Same outcomes as `callDestination` for each, in no particular order.
 */
export async function callDestinations(
  db: Db,
  deps: PublishingDeps,
  deliveries: readonly Delivery[],
  connection: Connection,
  { drafts, callsAtOnce }: { drafts: ReadonlyMap<string, DraftRow>; callsAtOnce: number },
): Promise<CalledDestination[]> {
  const called: CalledDestination[] = [];
  const ready: Ready[] = [];
  await mapConcurrently(deliveries, callsAtOnce, async (delivery) => {
    const prepared = await prepareCall(
      db,
      deps,
      delivery,
      connection,
      drafts.get(delivery.draftId),
    );
    if (prepared?.kind === 'refused') called.push(prepared);
    else if (prepared !== null) ready.push(prepared);
  });
  const [first] = ready;
  if (first?.opened.adapter.publishMany) {
    let results: PublishResult[];
    try {
      results = await first.opened.adapter.publishMany(
        first.opened.call,
        ready.map((call) => call.message),
      );
    } catch (error) {
      results = ready.map(() => ({ kind: 'error', error }));
    }
    ready.forEach(({ sending }, index) => {
      const outcome = results[index] ?? {
        kind: 'error',
        error: new Error('the adapter returned fewer results than messages'),
      };
      called.push({ sending, outcome });
    });
    return called;
  }
  await mapConcurrently(ready, callsAtOnce, async (call) => {
    called.push(await publishReady(call));
  });
  return called;
}

/** The one `publish` call of a prepared delivery; whatever it throws is its outcome. */
async function publishReady({ sending, message, opened }: Ready): Promise<CalledDestination> {
  try {
    return {
      sending,
      outcome: { kind: 'sent', receipt: await opened.adapter.publish(opened.call, message) },
    };
  } catch (error) {
    return { sending, outcome: { kind: 'error', error } };
  }
}

interface Ready {
  kind: 'ready';
  sending: Delivery;
  message: OutgoingMessage;
  opened: OpenedConnection;
}

/** Everything before the call: a message ready to publish, a refusal, or null (nothing to send). */
async function prepareCall(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  connection: Connection,
  knownDraft: DraftRow | undefined,
): Promise<Ready | ({ kind: 'refused' } & CalledDestination) | null> {
  try {
    const prepared = await prepare(db, deps, delivery, connection, knownDraft);
    return prepared && { kind: 'ready', ...prepared };
  } catch (error) {
    return {
      kind: 'refused',
      sending: delivery,
      outcome: { kind: 'error', error: asNotSent(error) },
    };
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
