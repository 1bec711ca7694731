import type { Db } from '../../db/client.ts';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';

/** Puts a delivery's next step on the job queue (built from the queue in jobs/delivery-queue.ts). */
export interface DeliveryQueue {
  /** Inside `db`'s transaction when it is one: the job exists iff the transaction commits. */
  push(db: Db, delivery: { workspaceId: string; deliveryId: string }, at: Date): Promise<void>;
}

export interface RetryPolicy {
  /** First retry of a `transient` failure after about this long; doubles each time, with jitter. */
  baseMs: number;
  maxMs: number;
  /** Calls per delivery before a `transient` failure is final. */
  maxAttempts: number;
}

/** What the publishing use cases need beyond a service context; built once in main.ts. */
export interface PublishingDeps {
  secretKey: Buffer;
  outbound: OutboundPolicy;
  queue: DeliveryQueue;
  retry: RetryPolicy;
  /** A delivery still `sending` this long after its call began belongs to a dead worker. */
  staleSendingMs: number;
}

/** Exponential backoff with full jitter on the upper half: `attempt` 1 waits ~base, 2 ~2×base… */
export function backoffMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
