import { getMember } from '../../db/queries/members.ts';
import { getSession as selectSession } from '../../db/queries/sessions.ts';
import { getWorkspace } from '../../db/queries/workspaces.ts';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type SessionView, toSessionView } from './session-view.ts';

/** The caller's own session: who they are, what they may do, and the CSRF token for writes. */
export async function getSession(
  ctx: ServiceContext,
  { sessionId }: { sessionId: string },
): Promise<SessionView> {
  const session = await selectSession(ctx.db, { workspaceId: ctx.workspaceId, id: sessionId });
  const member =
    session && (await getMember(ctx.db, { workspaceId: ctx.workspaceId, id: session.memberId }));
  const workspace = member && (await getWorkspace(ctx.db, { workspaceId: ctx.workspaceId }));
  if (!session || !member || !workspace) {
    throw new AppError('unauthorized', 'The session has expired or was signed out; sign in again.');
  }
  return toSessionView({ session, member, workspace });
}
