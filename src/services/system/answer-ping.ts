import { sql } from 'drizzle-orm';
import { findEventBySubject } from '../../db/queries/events.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { StoredEvent } from '../../events/types.ts';
import { actorLabel, type ServiceContext } from '../context.ts';

/**
 * Answers one diagnostics ping with a `system.pong` event, exactly once per job: a job may run
 * again after its worker died or its claim expired, possibly while the first run is still going.
 * The advisory lock serialises runs of one job; the lookup turns every run after the first into a
 * no-op that returns the first answer.
 */
export async function answerPing(
  ctx: ServiceContext,
  input: { jobId: string; nonce: string },
): Promise<StoredEvent> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`system.ping:${input.jobId}`}, 0))`,
    );
    const subject = { subjectType: 'job', subjectId: input.jobId };
    const answered = await findEventBySubject(tx, {
      workspaceId: ctx.workspaceId,
      type: 'system.pong',
      ...subject,
    });
    if (answered !== null) return answered;
    return appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'system.pong',
      ...subject,
      actor: actorLabel(ctx.actor),
      data: { nonce: input.nonce, jobId: input.jobId, workerPid: process.pid },
    });
  });
}
