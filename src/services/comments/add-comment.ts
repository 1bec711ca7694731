import { z } from 'zod';
import { getCampaign } from '../../db/queries/campaigns.ts';
import { getComment, insertComment } from '../../db/queries/comments.ts';
import { getDraft } from '../../db/queries/drafts.ts';
import { listMembersByIds } from '../../db/queries/members.ts';
import { appendEvents } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type CommentView, toCommentView } from './comment-view.ts';

export const addCommentInput = z.strictObject({
  body: z.string().trim().min(1).max(10_000),
  /** The draft it is about (a draft of this campaign); omitted = the campaign as a whole. */
  draftId: z.uuid().optional(),
  /** Replies to this comment's thread. */
  parentId: z.uuid().optional(),
  /** Members to notify (ids of this workspace's members). */
  mentions: z.array(z.uuid()).max(20).optional(),
});
export type AddCommentInput = z.infer<typeof addCommentInput>;

/**
 * A comment on a campaign or one of its drafts. Comments live in their own table: they never
 * enter a draft, a version or anything published, and adding one changes no approval. Threads are
 * one level deep: a reply to a reply joins its thread. Mentioned members are told through the
 * event log.
 */
export async function addComment(
  ctx: ServiceContext,
  { id: campaignId, body, draftId, parentId, mentions = [] }: AddCommentInput & { id: string },
): Promise<CommentView> {
  const scope = { workspaceId: ctx.workspaceId };
  if (!(await getCampaign(ctx.db, { ...scope, id: campaignId }))) throw notFound('Campaign');
  const invalid = (field: string, message: string) =>
    new AppError('unprocessable', `${field} ${message}.`, {
      errors: [{ field: `body.${field}`, message }],
    });
  if (draftId !== undefined) {
    const draft = await getDraft(ctx.db, { ...scope, id: draftId });
    if (draft?.campaignId !== campaignId)
      throw invalid('draftId', 'is not a draft of this campaign');
  }
  let thread: { id: string; draftId: string | null } | undefined;
  if (parentId !== undefined) {
    const parent = await getComment(ctx.db, { ...scope, id: parentId });
    if (parent?.campaignId !== campaignId)
      throw invalid('parentId', 'is not a comment on this campaign');
    thread = { id: parent.parentId ?? parent.id, draftId: parent.draftId };
    if (draftId !== undefined && draftId !== parent.draftId)
      throw invalid('draftId', 'differs from the draft of the thread it replies to');
  }
  const unique = [...new Set(mentions)];
  const known = new Set(
    (await listMembersByIds(ctx.db, { ...scope, ids: unique })).map((m) => m.id),
  );
  const unknown = unique.filter((memberId) => !known.has(memberId));
  if (unknown.length > 0)
    throw new AppError('unprocessable', 'Mentions must name members of this workspace.', {
      errors: unknown.map((memberId) => ({
        field: 'body.mentions',
        message: `${memberId} is not a member`,
      })),
    });
  const author = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const row = await insertComment(tx, {
      workspaceId: ctx.workspaceId,
      campaignId,
      draftId: thread ? thread.draftId : (draftId ?? null),
      parentId: thread?.id ?? null,
      body,
      mentions: unique,
      author,
    });
    const excerpt = body.length > 200 ? `${body.slice(0, 199)}…` : body;
    await appendEvents(tx, [
      {
        workspaceId: ctx.workspaceId,
        type: 'comment.added',
        subjectType: 'campaign',
        subjectId: campaignId,
        actor: author,
        data: { commentId: row.id, draftId: row.draftId, parentId: row.parentId, mentions: unique },
      },
      ...unique.map((memberId) => ({
        workspaceId: ctx.workspaceId,
        type: 'comment.mentioned' as const,
        subjectType: 'member',
        subjectId: memberId,
        actor: author,
        data: { commentId: row.id, campaignId, draftId: row.draftId, excerpt },
      })),
    ]);
    return toCommentView(row);
  });
}
