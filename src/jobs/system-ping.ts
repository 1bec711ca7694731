import { z } from 'zod';
import { answerPing } from '../services/system/answer-ping.ts';
import { defineJob } from './define-job.ts';

/**
 * Diagnostics: proves that a worker consumes jobs and can write events (the scale-out test sends
 * 1,000 of them across two workers). Each ping is answered by exactly one `system.pong` event.
 */
export const systemPing = defineJob({
  name: 'system.ping',
  schema: z.object({ workspaceId: z.uuid(), nonce: z.string().min(1).max(200) }),
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  async handler({ workspaceId, nonce }, { db, jobId }) {
    await answerPing(
      { db, workspaceId, actor: { kind: 'system', name: 'system.ping' } },
      { jobId, nonce },
    );
  },
});
