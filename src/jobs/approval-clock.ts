import { z } from 'zod';
import { runApprovalClock } from '../services/approvals/run-approval-clock.ts';
import { defineJob } from './define-job.ts';

/**
 * One tick of the approval clock (SLA deadlines, reminders, escalations, expired approvals),
 * enqueued by every worker's ticker under one singleton key: one tick queued or running at a time.
 */
export const approvalClock = defineJob({
  name: 'approval.clock',
  schema: z.object({}),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  async handler(_payload, { db, log }) {
    await runApprovalClock(db, { log });
  },
});
