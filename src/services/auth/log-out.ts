import { deleteSession } from '../../db/queries/sessions.ts';
import { appendEvent } from '../../events/append-event.ts';
import { actorLabel, type ServiceContext } from '../context.ts';

/** Deletes the session: its cookie stops working at once, on every device that holds it. */
export async function logOut(
  ctx: ServiceContext,
  { sessionId }: { sessionId: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, { workspaceId: ctx.workspaceId, id: sessionId });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'member.logged_out',
      subjectType: 'member',
      ...(ctx.actor.kind === 'member' && { subjectId: ctx.actor.id }),
      actor: actorLabel(ctx.actor),
    });
  });
}
