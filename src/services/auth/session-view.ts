import { z } from 'zod';
import type { Member } from '../../db/queries/members.ts';
import type { Session } from '../../db/queries/sessions.ts';
import type { Workspace } from '../../db/queries/workspaces.ts';
import { roles, scopes } from '../../db/schema.ts';
import { memberViewSchema, toMemberView } from '../members/member-view.ts';
import { roleScopes } from './role-scopes.ts';

/**
 * What the dashboard learns about its own session. `csrfToken` is not a secret from the page that
 * owns the session (it must echo it in `X-CSRF-Token`); it is what a cross-site page cannot read.
 */
export const sessionViewSchema = z
  .object({
    member: memberViewSchema,
    role: z.enum(roles),
    scopes: z.array(z.enum(scopes)),
    csrfToken: z.string(),
    expiresAt: z.iso.datetime(),
    workspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof sessionViewSchema>;

export function toSessionView(parts: {
  session: Session;
  member: Member;
  workspace: Workspace;
}): SessionView {
  return {
    member: toMemberView(parts.member),
    role: parts.member.role,
    scopes: [...roleScopes[parts.member.role]],
    csrfToken: parts.session.csrfToken,
    expiresAt: parts.session.expiresAt.toISOString(),
    workspace: { id: parts.workspace.id, slug: parts.workspace.slug, name: parts.workspace.name },
  };
}
