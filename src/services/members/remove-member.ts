import { deleteMember, getMember, lockOwners } from '../../db/queries/members.ts';
import { deleteMemberSessions } from '../../db/queries/sessions.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { assertOtherOwnerRemains, assertOwnerActor } from './owner-rules.ts';

/** Removes the member and signs them out everywhere at once (their sessions are deleted). */
export async function removeMember(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ownerIds = await lockOwners(tx, { workspaceId: ctx.workspaceId });
    const current = await getMember(tx, { workspaceId: ctx.workspaceId, id });
    if (!current) throw notFound('Member');
    if (current.role === 'owner') {
      assertOwnerActor(ctx.actor, 'remove an owner');
      assertOtherOwnerRemains(ownerIds, current.id, 'removed');
    }
    await deleteMemberSessions(tx, { workspaceId: ctx.workspaceId, memberId: id });
    if (!(await deleteMember(tx, { workspaceId: ctx.workspaceId, id }))) throw notFound('Member');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'member.removed',
      subjectType: 'member',
      subjectId: id,
      actor: actorLabel(ctx.actor),
      data: { email: current.email, role: current.role },
    });
  });
}
