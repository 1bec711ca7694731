import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { OutboundPolicy } from '../lib/outbound/outbound-policy.ts';
import type { PublishingDeps } from '../services/publishing/publishing-deps.ts';
import type { WebhookDeps } from '../services/webhooks/webhook-deps.ts';

export interface JobContext {
  db: Db;
  log: Logger;
  /** The queue's id for this job; stable across retries, so handlers can use it to stay idempotent. */
  jobId: string;
  /** Limits on requests to the outside world (URL sources). */
  outbound: OutboundPolicy;
  /** Secret key, retry policy and queue for delivery jobs. */
  publishing: PublishingDeps;
  /** Secret key, outbound policy, retry policy and queue for webhook deliveries. */
  webhooks: WebhookDeps;
}

/** What a worker process hands every job it runs. */
export type WorkerContext = Omit<JobContext, 'jobId'>;

export interface RetryPolicy {
  /** Retries after the first attempt; 0 = run once. */
  limit: number;
  delaySeconds: number;
  /** Doubles the delay on each retry (with jitter), starting from `delaySeconds`. */
  backoff: boolean;
}

/** Payloads travel as JSON objects, so a job's schema must describe one. */
export type PayloadSchema = z.ZodType<object, object>;

export interface JobDefinition<
  Name extends string = string,
  Schema extends PayloadSchema = PayloadSchema,
> {
  name: Name;
  schema: Schema;
  retry: RetryPolicy;
  /**
   * Runs with a payload the schema accepted. Must be idempotent: the queue delivers at least once
   * (a job whose worker died or timed out runs again). Throwing fails the attempt and retries it.
   * Declared as a method so any definition is assignable to `JobDefinition` (the queue validates
   * each payload with the definition's own schema before calling its handler).
   */
  handler(payload: z.output<Schema>, context: JobContext): Promise<void>;
  /**
   * Optional: how a whole fetched batch (up to `size` jobs) runs at once, for jobs whose database
   * work is much cheaper in bulk. When set, workers use it instead of `handler`; the same rules
   * apply (idempotent; a throw fails, and so retries, every job of the batch).
   */
  batch?:
    | {
        size: number;
        /** Batches in flight at once per process (each fetched and run independently). */
        lanes: number;
        handler(payloads: Array<z.output<Schema>>, context: WorkerContext): Promise<void>;
      }
    | undefined;
}

export function defineJob<const Name extends string, Schema extends PayloadSchema>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return definition;
}
