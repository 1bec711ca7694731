import type { PublishResult } from '../../channels/outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../../channels/publish-error.ts';
import type { Db } from '../../db/client.ts';
import { updateConnection } from '../../db/queries/connections.ts';
import { type Delivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { EventType } from '../../events/catalog.ts';
import type { NewEvent } from '../../events/types.ts';
import { describeError } from '../../lib/query-errors.ts';
import { backoffMs, type PublishingDeps } from './publishing-deps.ts';
import { withCampaignRollup } from './rollup-campaign.ts';

/** How a call ended, as the adapter said (see PublishResult). */
export type CallOutcome = PublishResult;

const ACTOR = 'system:worker';

/**
 * Records how a call that began in `sending` ended, per PRODUCT.md §7: sent (remote id stored at
 * once), failed (`rejected`, `auth_expired` — the connection then needs reconnecting — or
 * `transient` past the attempt cap), back to `scheduled` for a retry (`rate_limited` after its
 * delay, `transient` with backoff), or `unknown` (no answer: resolved by a status lookup, never
 * by sending again).
 */
export async function settleDelivery(
  db: Db,
  deps: PublishingDeps,
  delivery: Delivery,
  outcome: CallOutcome,
  now = new Date(),
): Promise<void> {
  const scope = { workspaceId: delivery.workspaceId, id: delivery.id };
  const campaign = { workspaceId: delivery.workspaceId, id: delivery.campaignId };
  const at = now.toISOString();
  if (outcome.kind === 'sent') {
    const { remoteId, remoteUrl } = outcome.receipt;
    return withCampaignRollup(db, campaign, async (tx) => {
      const row = await transitionDelivery(tx, scope, ['sending'], {
        state: 'sent',
        remoteId,
        remoteUrl,
        lastError: null,
        attempt: { at, outcome: 'sent' },
      });
      if (row) await announce(tx, row, 'delivery.sent', { remoteId, remoteUrl });
    });
  }
  const { error } = outcome;
  if (!(error instanceof PublishError)) {
    const message =
      error instanceof OutcomeUnknownError
        ? error.message
        : `The call ended without an answer: ${describeError(error)}`;
    const row = await transitionDelivery(db, scope, ['sending'], {
      state: 'unknown',
      dueAt: now,
      lastError: { kind: 'unknown', message },
      attempt: { at, outcome: 'unknown', error: { kind: 'unknown', message } },
    });
    if (!row) return;
    await announce(db, row, 'delivery.unknown', { message });
    return deps.queue.push(db, { workspaceId: row.workspaceId, deliveryId: row.id }, now);
  }
  const detail = { kind: error.kind, message: error.message, vendorCode: error.vendorCode };
  const calls =
    delivery.attempts.filter(
      (attempt) => attempt.outcome !== 'found' && attempt.outcome !== 'not_found',
    ).length + 1;
  // Both retryable kinds share the attempt cap: a destination that keeps refusing is reported.
  const retryIn =
    calls >= deps.retry.maxAttempts
      ? null
      : error.kind === 'rate_limited'
        ? Math.max(1_000, error.retryAfterMs ?? 60_000)
        : error.kind === 'transient'
          ? backoffMs(deps.retry, calls)
          : null;
  if (retryIn !== null) {
    const dueAt = new Date(now.getTime() + retryIn);
    const row = await transitionDelivery(db, scope, ['sending'], {
      state: 'scheduled',
      dueAt,
      lastError: { kind: error.kind, message: error.message },
      attempt: { at, outcome: 'retry', error: detail },
    });
    if (!row) return;
    await announce(db, row, 'delivery.retry_scheduled', { ...detail, dueAt: dueAt.toISOString() });
    return deps.queue.push(db, { workspaceId: row.workspaceId, deliveryId: row.id }, dueAt);
  }
  return withCampaignRollup(db, campaign, async (tx) => {
    const row = await transitionDelivery(tx, scope, ['sending'], {
      state: 'failed',
      lastError: { kind: error.kind, message: error.message },
      attempt: { at, outcome: 'failed', error: detail },
    });
    if (!row) return;
    await announce(tx, row, 'delivery.failed', detail);
    if (error.kind !== 'auth_expired') return;
    const scopeOfConnection = { workspaceId: row.workspaceId, id: row.connectionId };
    await updateConnection(tx, scopeOfConnection, { status: 'needs_reconnect' });
    await appendEvent(tx, {
      workspaceId: row.workspaceId,
      type: 'connection.needs_reconnect',
      subjectType: 'connection',
      subjectId: row.connectionId,
      actor: ACTOR,
      data: { message: error.message },
    });
  });
}

export async function announce(
  db: Db,
  delivery: Delivery,
  type: EventType,
  data: Record<string, unknown> = {},
): Promise<void> {
  await appendEvent(db, deliveryEvent(delivery, type, data));
}

/** The event of a delivery's state change: its campaign, channel and batch, plus `data`. */
export function deliveryEvent(
  delivery: Pick<Delivery, 'workspaceId' | 'id' | 'campaignId' | 'channel' | 'batch'>,
  type: EventType,
  data: Record<string, unknown> = {},
): NewEvent {
  return {
    workspaceId: delivery.workspaceId,
    type,
    subjectType: 'delivery',
    subjectId: delivery.id,
    actor: ACTOR,
    data: {
      campaignId: delivery.campaignId,
      channel: delivery.channel,
      batch: delivery.batch,
      ...data,
    },
  };
}
