import type { z } from 'zod';
import { approvalClock } from './approval-clock.ts';
import { deliverySend } from './delivery-send.ts';
import { sourceSync } from './source-sync.ts';
import { systemPing } from './system-ping.ts';
import { webhookDeliver } from './webhook-deliver.ts';

/**
 * Every job this codebase can run, by name. Adding a job = one file in jobs/ and one line here;
 * the queue creates a queue per entry and workers consume all of them.
 */
export const jobCatalog = {
  [systemPing.name]: systemPing,
  [sourceSync.name]: sourceSync,
  [deliverySend.name]: deliverySend,
  [approvalClock.name]: approvalClock,
  [webhookDeliver.name]: webhookDeliver,
} as const;

export type JobCatalog = typeof jobCatalog;
export type JobName = keyof JobCatalog;
/** What callers pass to `enqueue` (the schema's input; the handler receives its output). */
export type JobPayload<N extends JobName> = z.input<JobCatalog[N]['schema']>;
