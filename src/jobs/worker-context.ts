import type { Logger } from 'pino';
import { type Config, deliveryPolicy, outboundPolicy, webhookRetryPolicy } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WebhookDeps } from '../services/webhooks/webhook-deps.ts';
import type { WorkerContext } from './define-job.ts';
import { deliveryQueue } from './delivery-queue.ts';
import type { Queue } from './queue.ts';
import { webhookQueue } from './webhook-queue.ts';

/** What webhook deliveries need, in a worker or in the api process (test sends, replays). */
export function webhookDeps(
  config: Config,
  { secretKey, queue }: { secretKey: Buffer; queue: Pick<Queue, 'enqueueAt'> },
): WebhookDeps {
  return {
    secretKey,
    outbound: outboundPolicy(config),
    queue: webhookQueue(queue),
    retry: webhookRetryPolicy(config),
  };
}

/** What every job run in this process receives, built from config once. */
export function workerContext(
  config: Config,
  { db, log, queue, secretKey }: { db: Db; log: Logger; queue: Queue; secretKey: Buffer },
): WorkerContext {
  const outbound = outboundPolicy(config);
  return {
    db,
    log,
    outbound,
    publishing: { secretKey, outbound, queue: deliveryQueue(queue), ...deliveryPolicy(config) },
    webhooks: webhookDeps(config, { secretKey, queue }),
  };
}
