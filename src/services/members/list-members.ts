import { listMembers as selectMembers } from '../../db/queries/members.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';
import { type MemberView, toMemberView } from './member-view.ts';

export async function listMembers(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<MemberView[]> {
  const rows = await selectMembers(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toMemberView);
}
