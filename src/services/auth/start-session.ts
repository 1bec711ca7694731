import type { Db } from '../../db/client.ts';
import type { Member } from '../../db/queries/members.ts';
import { insertSession } from '../../db/queries/sessions.ts';
import { getWorkspace } from '../../db/queries/workspaces.ts';
import { randomToken, sha256Hex } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import { type SessionView, toSessionView } from './session-view.ts';

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  view: SessionView;
}

/** Opens a dashboard session for a member who just proved who they are (setup or login). */
export async function startSession(
  db: Db,
  { member, ttlHours, now }: { member: Member; ttlHours: number; now: Date },
): Promise<StartedSession> {
  const token = randomToken(32);
  const workspace = await getWorkspace(db, { workspaceId: member.workspaceId });
  if (!workspace) throw notFound('Workspace');
  const session = await insertSession(db, {
    workspaceId: member.workspaceId,
    memberId: member.id,
    tokenHash: sha256Hex(token),
    csrfToken: randomToken(32),
    expiresAt: new Date(now.getTime() + ttlHours * 60 * 60 * 1000),
  });
  return { token, view: toSessionView({ session, member, workspace }) };
}
