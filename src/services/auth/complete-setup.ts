import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  consumeSetupToken,
  getMemberByEmail,
  getMemberBySetupToken,
} from '../../db/queries/members.ts';
import { appendEvent } from '../../events/append-event.ts';
import { hashPassword, sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { type StartedSession, startSession } from './start-session.ts';

export const completeSetupInput = z.strictObject({
  token: z.string().min(1).max(200),
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});
export type CompleteSetupInput = z.infer<typeof completeSetupInput>;

const invalidLink = () =>
  new AppError(
    'unauthorized',
    'This setup link is not valid: it was already used, it has expired (links work for 7 days), ' +
      'or it was copied incompletely. Ask a workspace admin for a new invitation.',
  );

/**
 * Finishes an invitation (or the first owner's account): the setup token is the credential and
 * works once. Sets the password, optionally the email and name, and opens a session.
 */
export async function completeSetup(
  db: Db,
  input: CompleteSetupInput & { sessionTtlHours: number; now?: Date },
): Promise<StartedSession> {
  const now = input.now ?? new Date();
  const tokenHash = sha256Hex(input.token);
  // Look the token up before hashing, so anonymous callers cannot make us run scrypt for free.
  const invited = await getMemberBySetupToken(db, { tokenHash, now });
  if (!invited) throw invalidLink();
  const passwordHash = await hashPassword(input.password);
  const email = input.email?.trim().toLowerCase();
  return db.transaction(async (tx) => {
    if (email !== undefined) {
      const holder = await getMemberByEmail(tx, { workspaceId: invited.workspaceId, email });
      if (holder && holder.id !== invited.id) {
        throw new AppError('conflict', `${email} already belongs to another member here.`, {
          errors: [{ field: 'body.email', message: 'already belongs to another member' }],
        });
      }
    }
    const member = await consumeSetupToken(
      tx,
      { workspaceId: invited.workspaceId, id: invited.id, tokenHash, now },
      {
        passwordHash,
        ...(email !== undefined && { email }),
        ...(input.name !== undefined && { name: input.name }),
      },
    );
    // Another request used the same link between our lookup and this update.
    if (!member) throw invalidLink();
    const started = await startSession(tx, { member, ttlHours: input.sessionTtlHours, now });
    await appendEvent(tx, {
      workspaceId: member.workspaceId,
      type: 'member.setup_completed',
      subjectType: 'member',
      subjectId: member.id,
      actor: `member:${member.id}`,
      data: { email: member.email },
    });
    return started;
  });
}
