import { z } from 'zod';
import type { Comment } from '../../db/queries/comments.ts';

export const commentSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    /** The draft it is about; null for the campaign as a whole. */
    draftId: z.uuid().nullable(),
    /** The thread it replies to (always a top-level comment); null for a thread's first comment. */
    parentId: z.uuid().nullable(),
    body: z.string(),
    /** Member ids mentioned; each was told through a `comment.mentioned` event. */
    mentions: z.array(z.uuid()),
    author: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Comment' });
export type CommentView = z.infer<typeof commentSchema>;

export function toCommentView(row: Comment): CommentView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    draftId: row.draftId,
    parentId: row.parentId,
    body: row.body,
    mentions: row.mentions,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}
