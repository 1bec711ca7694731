import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { events } from '../db/schema.ts';
import { appendEvent } from '../events/append-event.ts';
import { defineJob } from './define-job.ts';

/**
 * Diagnostics: proves that a worker consumes jobs and can write events (the scale-out test sends
 * 1,000 of them across two workers). Answers each ping with exactly one `system.pong`.
 */
export const systemPing = defineJob({
  name: 'system.ping',
  schema: z.object({ workspaceId: z.uuid(), nonce: z.string().min(1).max(200) }),
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  async handler({ workspaceId, nonce }, { db, jobId }) {
    await db.transaction(async (tx) => {
      // A job may run again after its worker died or its claim expired, possibly while the first run
      // is still going: the lock serialises runs of one job, the lookup makes the second a no-op.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`system.ping:${jobId}`}, 0))`,
      );
      const [answered] = await tx
        .select({ id: events.id })
        .from(events)
        .where(
          and(
            eq(events.workspaceId, workspaceId),
            eq(events.type, 'system.pong'),
            eq(events.subjectType, 'job'),
            eq(events.subjectId, jobId),
          ),
        )
        .limit(1);
      if (answered !== undefined) return;
      await appendEvent(tx, {
        workspaceId,
        type: 'system.pong',
        subjectType: 'job',
        subjectId: jobId,
        data: { nonce, jobId, workerPid: process.pid },
      });
    });
  },
});
