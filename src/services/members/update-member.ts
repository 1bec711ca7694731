import { z } from 'zod';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { getMember, lockOwners, updateMember as writeMember } from '../../db/queries/members.ts';
import { roles } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type MemberView, memberLabels, toMemberView } from './member-view.ts';
import { assertOtherOwnerRemains, assertOwnerActor } from './owner-rules.ts';

export const updateMemberInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  role: z.enum(roles).optional(),
  /** Replaces the member's labels (approval stages name them). */
  labels: memberLabels.optional(),
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
    const labelsChange =
      input.labels !== undefined && input.labels.join(',') !== [...current.labels].sort().join(',');
    if (!roleChanges && !nameChanges && !labelsChange) return toMemberView(current);
    const row = await writeMember(
      tx,
      { workspaceId: ctx.workspaceId, id },
      {
        ...(nameChanges && input.name !== undefined && { name: input.name }),
        ...(roleChanges && input.role !== undefined && { role: input.role }),
        ...(labelsChange && input.labels !== undefined && { labels: input.labels }),
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
        fields: [
          ...(nameChanges ? ['name'] : []),
          ...(roleChanges ? ['role'] : []),
          ...(labelsChange ? ['labels'] : []),
        ],
        ...(roleChanges && { fromRole: current.role, toRole: row.role }),
        ...(labelsChange && { fromLabels: current.labels, toLabels: row.labels }),
      },
    });
    // Role and labels decide who may approve what: changes to them are part of the audit trail.
    if (roleChanges || labelsChange)
      await appendAuditEntry(tx, {
        workspaceId: ctx.workspaceId,
        action: 'member.updated',
        resourceType: 'member',
        resourceId: row.id,
        actor: actorLabel(ctx.actor),
        before: { role: current.role, labels: current.labels },
        after: { role: row.role, labels: row.labels },
      });
    return toMemberView(row);
  });
}
