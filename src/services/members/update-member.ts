import { z } from 'zod';
import { getMember, lockOwners, updateMember as writeMember } from '../../db/queries/members.ts';
import { roles } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type MemberView, toMemberView } from './member-view.ts';
import { assertOtherOwnerRemains, assertOwnerActor } from './owner-rules.ts';

export const updateMemberInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(roles).optional(),
});
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

/** A role change takes effect on the member's next request: sessions read the role live. */
export async function updateMember(
  ctx: ServiceContext,
  { id, ...input }: UpdateMemberInput & { id: string },
): Promise<MemberView> {
  return ctx.db.transaction(async (tx) => {
    const ownerIds = await lockOwners(tx, { workspaceId: ctx.workspaceId });
    const current = await getMember(tx, { workspaceId: ctx.workspaceId, id });
    if (!current) throw notFound('Member');
    const roleChanges = input.role !== undefined && input.role !== current.role;
    if (roleChanges && current.role === 'owner') {
      assertOwnerActor(ctx.actor, 'remove the owner role');
      assertOtherOwnerRemains(ownerIds, current.id, 'demoted');
    }
    if (roleChanges && input.role === 'owner') assertOwnerActor(ctx.actor, 'grant the owner role');
    const nameChanges = input.name !== undefined && input.name !== current.name;
    if (!roleChanges && !nameChanges) return toMemberView(current);
    const row = await writeMember(
      tx,
      { workspaceId: ctx.workspaceId, id },
      {
        ...(nameChanges && input.name !== undefined && { name: input.name }),
        ...(roleChanges && input.role !== undefined && { role: input.role }),
      },
    );
    if (!row) throw notFound('Member');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'member.updated',
      subjectType: 'member',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: {
        fields: [...(nameChanges ? ['name'] : []), ...(roleChanges ? ['role'] : [])],
        ...(roleChanges && { fromRole: current.role, toRole: row.role }),
      },
    });
    return toMemberView(row);
  });
}
