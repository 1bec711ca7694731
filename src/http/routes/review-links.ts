import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import {
  createReviewLink,
  createReviewLinkInput,
} from '../../services/review-links/create-review-link.ts';
import { decideByReviewLink } from '../../services/review-links/decide-by-review-link.ts';
import { listReviewLinks } from '../../services/review-links/list-review-links.ts';
import {
  previewReviewLink,
  reviewPreviewSchema,
} from '../../services/review-links/preview-review-link.ts';
import { reviewLinkSchema } from '../../services/review-links/review-link-view.ts';
import { revokeReviewLink } from '../../services/review-links/revoke-review-link.ts';
import type { App } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { reviewPage } from './review-page.ts';

const idParams = z.strictObject({ id: z.uuid() });
const TOKEN_HEADER = 'x-review-token';
const tokenNote =
  'No account: the link’s token is the credential, sent as the `X-Review-Token` header (the review page reads it from the link’s `#token=` fragment, which browsers never send). A missing or tampered token is 401; a revoked, expired or used link is 410.';

const decisionResultSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  campaignState: z.string(),
});

function tokenOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const value = headers[TOKEN_HEADER];
  return typeof value === 'string' && value.length <= 2000 ? value : undefined;
}

export function reviewLinkRoutes(app: App): void {
  const deps = { secretKey: app.deps.secretKey };

  app.post('/v1/campaigns/:id/review-links', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'Send a campaign waiting for approval to a named outsider: a signed, expiring link',
      description:
        'Only an approver of the stage waiting (not the campaign’s author) may create one: the outsider decides with that approver’s eligibility, once. The token and URL are in this response only.',
      params: idParams,
      body: createReviewLinkInput,
      response: {
        201: reviewLinkSchema.extend({ token: z.string(), url: z.string() }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const created = await createReviewLink(serviceContext(app, request), deps, {
        ...request.body,
        id: request.params.id,
      });
      const url = `${publicUrl(app.deps.config)}/review#token=${created.token}`;
      return reply.code(201).send({ ...created, url });
    },
  });

  app.get('/v1/campaigns/:id/review-links', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'The review links of a campaign, newest first',
      params: idParams,
      response: { 200: z.object({ data: z.array(reviewLinkSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      data: await listReviewLinks(serviceContext(app, request), request.params),
    }),
  });

  app.delete('/v1/review-links/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'Revoke a review link (its creator, or the write scope); it answers 410 from now on',
      params: idParams,
      response: { 204: z.null().describe('Revoked'), ...problemResponses },
    },
    handler: async (request, reply) => {
      await revokeReviewLink(serviceContext(app, request), request.params);
      return reply.code(204).send(null);
    },
  });

  app.get('/v1/review', {
    config: { access: 'public' },
    schema: {
      tags: ['review'],
      summary:
        'What a review link shows: the campaign’s drafts, read-only (every opening is recorded)',
      description: tokenNote,
      response: { 200: reviewPreviewSchema, ...problemResponses },
    },
    handler: (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return previewReviewLink(app.deps.database.db, deps, tokenOf(request.headers));
    },
  });

  for (const decision of ['approve', 'reject'] as const)
    app.post(`/v1/review/${decision}`, {
      config: { access: 'public' },
      schema: {
        tags: ['review'],
        summary:
          decision === 'approve'
            ? 'Approve through a review link (a comment is optional); a link decides once'
            : 'Reject through a review link (a comment is required); a link decides once',
        description: tokenNote,
        body: z.strictObject({ comment: z.string().max(5000).optional() }).nullish(),
        response: { 200: decisionResultSchema, ...problemResponses },
      },
      handler: (request) =>
        decideByReviewLink(app.deps.database.db, deps, tokenOf(request.headers), {
          decision,
          comment: request.body?.comment,
        }),
    });

  app.get('/review', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: (_request, reply) =>
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(reviewPage),
  });
}
