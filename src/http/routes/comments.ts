import { z } from 'zod';
import { addComment, addCommentInput } from '../../services/comments/add-comment.ts';
import { commentSchema } from '../../services/comments/comment-view.ts';
import { listComments } from '../../services/comments/list-comments.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

const idParams = z.strictObject({ id: z.uuid() });

export function commentRoutes(app: App): void {
  // `read`: reviewers, who hold only the read scope, comment on what they review.
  app.post('/v1/campaigns/:id/comments', {
    config: { access: 'read' },
    schema: {
      tags: ['comments'],
      summary: 'Comment on a campaign or one of its drafts; reply in a thread; mention members',
      description:
        'Comments are kept apart from publishable content: they never enter a draft, and adding one changes no approval. Mentioned members are told through a `comment.mentioned` event.',
      params: idParams,
      body: addCommentInput,
      response: { 201: commentSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const comment = await addComment(serviceContext(app, request), {
        ...request.body,
        id: request.params.id,
      });
      return reply.code(201).send(comment);
    },
  });

  app.get('/v1/campaigns/:id/comments', {
    config: { access: 'read' },
    schema: {
      tags: ['comments'],
      summary: "A campaign's comments, oldest first (filter by `draft`)",
      params: idParams,
      querystring: pageQuerySchema.extend({ draft: z.uuid().optional() }),
      response: { 200: pageResponseSchema(commentSchema), ...problemResponses },
    },
    handler: (request) => {
      const { draft, limit, cursor } = request.query;
      return paginate({ limit, cursor }, (page) =>
        listComments(serviceContext(app, request), {
          id: request.params.id,
          draftId: draft,
          ...page,
        }),
      );
    },
  });
}
