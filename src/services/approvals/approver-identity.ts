import type { ApproverIdentity } from '../../approvals/stage-eligibility.ts';
import type { Db } from '../../db/client.ts';
import { getMember } from '../../db/queries/members.ts';
import { AppError } from '../../lib/errors.ts';
import { hasScope } from '../auth/role-scopes.ts';
import { type Actor, actorLabel } from '../context.ts';

export interface Decider {
  /** The actor label decisions are recorded under. */
  label: string;
  identity: ApproverIdentity;
}

/**
 * A member is known by their role and labels (read now: a label given a minute ago counts); an API
 * key has neither, so it may decide only through the admin override of an `admin` key.
 */
export async function deciderOf(db: Db, workspaceId: string, actor: Actor): Promise<Decider> {
  if (actor.kind === 'system') throw new AppError('forbidden', 'The system does not approve.');
  const admin = hasScope(actor.scopes, 'admin');
  if (actor.kind === 'api_key')
    return { label: actorLabel(actor), identity: { memberId: null, roles: [], admin } };
  const member = await getMember(db, { workspaceId, id: actor.id });
  if (!member) throw new AppError('unauthorized', 'This member no longer exists.');
  return {
    label: actorLabel(actor),
    identity: { memberId: member.id, roles: [member.role, ...member.labels], admin },
  };
}
