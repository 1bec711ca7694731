import type { Db } from '../../db/client.ts';
import type { WebhookAttempt } from '../../db/events-schema.ts';
import {
  claimWebhookDelivery,
  getWebhookEndpoint,
  recordWebhookAttempt,
  updateWebhookEndpoint,
  type WebhookDelivery,
} from '../../db/queries/webhooks.ts';
import { appendEvent } from '../../events/append-event.ts';
import { decryptSecret } from '../../lib/crypto.ts';
import { RequestJsonError, requestJson } from '../../lib/outbound/request-json.ts';
import { webhookHeaders } from '../../lib/standard-webhooks.ts';
import { type WebhookDeps, webhookBackoffMs } from './webhook-deps.ts';

const ACTOR = 'system:webhooks';

/**
 * One attempt of one delivery: claimed by compare-and-set (a duplicate job or a second worker
 * finds nothing to do), signed per Standard Webhooks, POSTed through the SSRF guard, and recorded
 * with its response code. A failure is retried with exponential backoff until the retry window
 * closes; then the delivery fails, and an endpoint that has failed every attempt for
 * `disableAfterMs` is disabled (with a `webhook.disabled` event). `final`: no retry (test sends).
 */
export async function attemptWebhookDelivery(
  db: Db,
  deps: WebhookDeps,
  scope: { workspaceId: string; deliveryId: string },
  { final = false, now = new Date() }: { final?: boolean; now?: Date } = {},
): Promise<WebhookDelivery | undefined> {
  const leaseUntil = new Date(now.getTime() + deps.outbound.timeoutMs + 30_000);
  const delivery = await claimWebhookDelivery(
    db,
    { workspaceId: scope.workspaceId, id: scope.deliveryId },
    { now, leaseUntil },
  );
  if (!delivery) return undefined;
  const ref = { workspaceId: delivery.workspaceId, id: delivery.id };
  const endpoint = await getWebhookEndpoint(db, {
    workspaceId: delivery.workspaceId,
    id: delivery.endpointId,
  });
  if (!endpoint || (endpoint.status !== 'active' && !final)) {
    return recordWebhookAttempt(db, ref, {
      attempt: {
        at: now.toISOString(),
        statusCode: null,
        error: 'endpoint disabled',
        durationMs: 0,
      },
      status: 'failed',
      nextAttemptAt: null,
    });
  }

  const attempt = await send(
    deps,
    endpoint.url,
    decryptSecret(endpoint.secretSealed, deps.secretKey),
    delivery,
  );
  const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  const finishedAt = new Date();
  if (ok) {
    if (endpoint.failingSince !== null)
      await updateWebhookEndpoint(
        db,
        { workspaceId: endpoint.workspaceId, id: endpoint.id },
        { failingSince: null },
      );
    return recordWebhookAttempt(db, ref, { attempt, status: 'succeeded', nextAttemptAt: null });
  }
  const failingSince = endpoint.failingSince ?? now;
  if (endpoint.failingSince === null)
    await updateWebhookEndpoint(
      db,
      { workspaceId: endpoint.workspaceId, id: endpoint.id },
      { failingSince },
    );
  const retryAt = new Date(
    finishedAt.getTime() + webhookBackoffMs(deps.retry, delivery.attempts + 1),
  );
  // The retry window opens at the first attempt (or at a replay, which resets it).
  const windowStart = delivery.attempts === 0 ? now : delivery.windowStartedAt;
  const windowEnds = windowStart.getTime() + deps.retry.windowMs;
  if (!final && retryAt.getTime() <= windowEnds) {
    return db.transaction(async (tx) => {
      const row = await recordWebhookAttempt(tx, ref, {
        attempt,
        status: 'pending',
        nextAttemptAt: retryAt,
        windowStartedAt: windowStart,
      });
      await deps.queue.push(
        tx,
        { workspaceId: delivery.workspaceId, deliveryId: delivery.id },
        retryAt,
      );
      return row;
    });
  }
  return db.transaction(async (tx) => {
    const row = await recordWebhookAttempt(tx, ref, {
      attempt,
      status: 'failed',
      nextAttemptAt: null,
    });
    const failingFor = finishedAt.getTime() - failingSince.getTime();
    if (!final && endpoint.status === 'active' && failingFor >= deps.retry.disableAfterMs) {
      const reason = `every attempt failed for ${Math.round(failingFor / 1000)} s`;
      const disabled = await updateWebhookEndpoint(
        tx,
        { workspaceId: endpoint.workspaceId, id: endpoint.id },
        { status: 'disabled', disabledReason: reason },
      );
      if (disabled)
        await appendEvent(tx, {
          workspaceId: endpoint.workspaceId,
          type: 'webhook.disabled',
          subjectType: 'webhook',
          subjectId: endpoint.id,
          actor: ACTOR,
          data: {
            url: endpoint.url,
            reason,
            failingSince: failingSince.toISOString(),
            lastStatusCode: attempt.statusCode,
          },
        });
    }
    return row;
  });
}

async function send(
  deps: WebhookDeps,
  url: string,
  secret: string,
  delivery: WebhookDelivery,
): Promise<WebhookAttempt> {
  const started = Date.now();
  const body = JSON.stringify(delivery.payload);
  const headers = webhookHeaders(secret, {
    id: delivery.messageId,
    timestamp: Math.floor(started / 1000),
    body,
  });
  const at = new Date(started).toISOString();
  try {
    const response = await requestJson({
      url,
      method: 'POST',
      headers,
      body: delivery.payload,
      policy: deps.outbound,
    });
    return {
      at,
      statusCode: response.status,
      error: response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const message =
      error instanceof RequestJsonError ? `${error.code}: ${error.message}` : String(error);
    return { at, statusCode: null, error: message.slice(0, 500), durationMs: Date.now() - started };
  }
}
