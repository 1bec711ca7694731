import { getMember as selectMember } from '../../db/queries/members.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type MemberView, toMemberView } from './member-view.ts';

export async function getMember(ctx: ServiceContext, { id }: { id: string }): Promise<MemberView> {
  const row = await selectMember(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Member');
  return toMemberView(row);
}
