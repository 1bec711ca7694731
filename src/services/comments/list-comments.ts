import { getCampaign } from '../../db/queries/campaigns.ts';
import { listComments as selectComments } from '../../db/queries/comments.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CommentView, toCommentView } from './comment-view.ts';

/** A campaign's comments, oldest first; `parentId` groups replies under their thread. */
export async function listComments(
  ctx: ServiceContext,
  {
    id,
    draftId,
    limit,
    after,
  }: { id: string; draftId?: string | undefined; limit: number; after?: PageAfter | undefined },
): Promise<CommentView[]> {
  if (!(await getCampaign(ctx.db, { workspaceId: ctx.workspaceId, id })))
    throw notFound('Campaign');
  const rows = await selectComments(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: id,
    draftId,
    limit,
    after,
  });
  return rows.map(toCommentView);
}
