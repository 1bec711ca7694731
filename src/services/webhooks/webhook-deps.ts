import type { Db } from '../../db/client.ts';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';

/** Puts a webhook delivery's next attempt on the job queue (jobs/webhook-queue.ts). */
export interface WebhookQueue {
  /** Inside `db`'s transaction when it is one: the job exists iff the transaction commits. */
  push(db: Db, delivery: { workspaceId: string; deliveryId: string }, at: Date): Promise<void>;
}

export interface WebhookRetryPolicy {
  /** First retry after about this long; doubles each time (jitter on the upper half). */
  baseMs: number;
  maxMs: number;
  /** Retries stop once this long has passed since the delivery's first attempt (or replay). */
  windowMs: number;
  /** An endpoint failing every attempt for this long is disabled when a delivery gives up. */
  disableAfterMs: number;
}

export interface WebhookDeps {
  secretKey: Buffer;
  outbound: OutboundPolicy;
  queue: WebhookQueue;
  retry: WebhookRetryPolicy;
}

export function webhookBackoffMs(
  policy: WebhookRetryPolicy,
  attempt: number,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
