import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { listMembersByEmail, type Member } from '../../db/queries/members.ts';
import { getWorkspaceBySlug } from '../../db/queries/workspaces.ts';
import { appendEvent } from '../../events/append-event.ts';
import { hashPassword, randomToken, verifyPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { type StartedSession, startSession } from './start-session.ts';

export const logInInput = z.strictObject({
  // Not z.email(): the first owner may keep `owner@localhost`, which has no top-level domain.
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
  /** The workspace slug; needed only when the same email and password open several workspaces. */
  workspace: z.string().trim().min(1).max(100).optional(),
});
export type LogInInput = z.infer<typeof logInInput>;

// Verifying a password is ~0.3 s of scrypt each; beyond this many accounts, ask for the slug.
const MAX_VERIFICATIONS = 5;

const wrongCredentials = () => new AppError('unauthorized', 'The email or password is not right.');

const chooseWorkspace = () =>
  new AppError(
    'conflict',
    'This email has accounts in several workspaces: send `workspace` with the slug of the one to ' +
      'sign in to.',
    { errors: [{ field: 'body.workspace', message: 'is required for this account' }] },
  );

let dummyHash: Promise<string> | undefined;

/**
 * Unknown email, pending account and wrong password all cost one scrypt verification and give the
 * same answer, so neither timing nor wording tells which emails have accounts. With several
 * accounts, only those the password opens count: the 409 is given to someone who knows it.
 */
export async function logIn(
  db: Db,
  input: LogInInput & { sessionTtlHours: number; now?: Date },
): Promise<StartedSession> {
  const now = input.now ?? new Date();
  let candidates = (await listMembersByEmail(db, { email: input.email })).filter(
    (member): member is Member & { passwordHash: string } => member.passwordHash !== null,
  );
  if (input.workspace !== undefined) {
    const workspace = await getWorkspaceBySlug(db, { slug: input.workspace });
    candidates = candidates.filter((member) => member.workspaceId === workspace?.id);
  }
  if (candidates.length === 0) {
    dummyHash ??= hashPassword(randomToken(16));
    await verifyPassword(input.password, await dummyHash);
    throw wrongCredentials();
  }
  if (candidates.length > MAX_VERIFICATIONS) {
    dummyHash ??= hashPassword(randomToken(16));
    await verifyPassword(input.password, await dummyHash);
    throw chooseWorkspace();
  }
  const matches: Member[] = [];
  for (const candidate of candidates) {
    if (await verifyPassword(input.password, candidate.passwordHash)) matches.push(candidate);
  }
  const [member, ...others] = matches;
  if (!member) throw wrongCredentials();
  if (others.length > 0) throw chooseWorkspace();
  return db.transaction(async (tx) => {
    const started = await startSession(tx, { member, ttlHours: input.sessionTtlHours, now });
    await appendEvent(tx, {
      workspaceId: member.workspaceId,
      type: 'member.logged_in',
      subjectType: 'member',
      subjectId: member.id,
      actor: `member:${member.id}`,
    });
    return started;
  });
}
