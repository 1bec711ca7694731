import { z } from 'zod';
import { insertMemberUnlessEmailTaken } from '../../db/queries/members.ts';
import { roles } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type MemberView, memberLabels, toMemberView } from './member-view.ts';
import { assertOwnerActor } from './owner-rules.ts';

const SETUP_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteMemberInput = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  labels: memberLabels.optional(),
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

/**
 * Creates a pending member and their one-time setup token, returned here once: only its hash is
 * stored. The member chooses a password through `POST /v1/auth/setup` within 7 days.
 */
export async function inviteMember(
  ctx: ServiceContext,
  input: InviteMemberInput & { now?: Date },
): Promise<MemberView & { setupToken: string }> {
  if (input.role === 'owner') assertOwnerActor(ctx.actor, 'grant the owner role');
  const now = input.now ?? new Date();
  const setupToken = randomToken(32);
  const email = input.email.trim().toLowerCase();
  return ctx.db.transaction(async (tx) => {
    const row = await insertMemberUnlessEmailTaken(tx, {
      workspaceId: ctx.workspaceId,
      email,
      name: input.name,
      role: input.role,
      labels: input.labels ?? [],
      setupTokenHash: sha256Hex(setupToken),
      setupTokenExpiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
    });
    if (!row) {
      throw new AppError('conflict', `${email} is already a member of this workspace.`, {
        errors: [{ field: 'body.email', message: 'is already a member of this workspace' }],
      });
    }
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'member.invited',
      subjectType: 'member',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { email: row.email, role: row.role, labels: row.labels },
    });
    return { ...toMemberView(row), setupToken };
  });
}
