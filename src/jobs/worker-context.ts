import type { Logger } from 'pino';
import { type Config, deliveryPolicy, outboundPolicy } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkerContext } from './define-job.ts';
import { deliveryQueue } from './delivery-queue.ts';
import type { Queue } from './queue.ts';

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
  };
}
