import type { Db } from '../../db/client.ts';
import { getLiveSessionByHash } from '../../db/queries/sessions.ts';
import type { Role } from '../../db/schema.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

export interface AuthenticatedSession {
  sessionId: string;
  workspaceId: string;
  memberId: string;
  role: Role;
  csrfToken: string;
}

export async function authenticateSession(
  db: Db,
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<AuthenticatedSession> {
  const found = await getLiveSessionByHash(db, { tokenHash: sha256Hex(token), now });
  if (!found)
    throw new AppError('unauthorized', 'The session has expired or was signed out; sign in again.');
  return {
    sessionId: found.session.id,
    workspaceId: found.session.workspaceId,
    memberId: found.member.id,
    role: found.member.role,
    csrfToken: found.session.csrfToken,
  };
}
