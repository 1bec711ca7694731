import { z } from 'zod';
import { orderedRange } from '../../lib/query-schemas.ts';
import { createCampaignInput, editDraftInput } from '../../services/campaigns/campaign-input.ts';
import { createCampaign } from '../../services/campaigns/create-campaign.ts';
import { diffDraftVersions } from '../../services/campaigns/diff-draft-versions.ts';
import { editDraft } from '../../services/campaigns/edit-draft.ts';
import { getCampaign } from '../../services/campaigns/get-campaign.ts';
import { getDraft } from '../../services/campaigns/get-draft.ts';
import { campaignsQuery, listCampaigns } from '../../services/campaigns/list-campaigns.ts';
import { listDraftVersions } from '../../services/campaigns/list-draft-versions.ts';
import type { App } from '../fastify-types.ts';
import { orderedPageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { campaignSchema } from './campaign-schemas.ts';
import { draftContentSchema, draftIssueSchema, qualitySchema } from './generation-schemas.ts';

const idParams = z.strictObject({ id: z.uuid() });

const draftViewSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    channel: z.string(),
    target: z.string(),
    version: z.number().int(),
    content: draftContentSchema,
    issues: z.array(draftIssueSchema),
    quality: qualitySchema,
    editedBy: z.string().nullable(),
    dryRun: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CampaignDraft' });

const campaignWithDraftsSchema = campaignSchema.extend({ drafts: z.array(draftViewSchema) });

const draftVersionSchema = z.object({
  version: z.number().int(),
  content: draftContentSchema,
  issues: z.array(draftIssueSchema),
  quality: qualitySchema,
  actor: z.string(),
  reason: z.string(),
  createdAt: z.iso.datetime(),
});

export function campaignRoutes(app: App): void {
  app.get('/v1/campaigns', {
    config: { access: 'read' },
    schema: {
      tags: ['campaigns'],
      summary: 'List campaigns by creation, filtered by state and schedule',
      description:
        'Oldest first; `order=desc` lists newest first. Filters: `state` (comma-separated campaign states, e.g. `failed,partially_failed`), `scheduledFrom` / `scheduledTo` (ISO 8601 instants: campaigns whose `scheduledAt` is in `[scheduledFrom, scheduledTo)`).',
      querystring: orderedPageQuerySchema
        .extend(campaignsQuery.shape)
        .superRefine(orderedRange('scheduledFrom', 'scheduledTo')),
      response: { 200: pageResponseSchema(campaignSchema), ...problemResponses },
    },
    handler: (request) => {
      const { limit, cursor, order, ...filter } = request.query;
      return paginate({ limit, cursor, order }, (page) =>
        listCampaigns(serviceContext(app, request), { ...filter, ...page }),
      );
    },
  });

  app.post('/v1/campaigns', {
    config: { access: 'write' },
    bodyLimit: 6 * 1024 * 1024,
    schema: {
      tags: ['campaigns'],
      summary:
        'Create a campaign: one draft per channel target; approved at once when the approval policy needs nobody',
      description:
        'Items come from exactly one of `sourceId` (its latest snapshot; `onlyChanged` keeps what changed since its previous campaign), `snapshotId` or `items`. Items with `published: false` never produce drafts.',
      body: createCampaignInput,
      response: { 201: campaignWithDraftsSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const created = await createCampaign(serviceContext(app, request), request.body);
      return reply.code(201).send(created);
    },
  });

  app.get('/v1/campaigns/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['campaigns'],
      summary: 'One campaign with its drafts',
      params: idParams,
      response: { 200: campaignWithDraftsSchema, ...problemResponses },
    },
    handler: (request) => getCampaign(serviceContext(app, request), request.params),
  });

  app.get('/v1/drafts/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['campaigns'],
      summary: 'One draft',
      params: idParams,
      response: { 200: draftViewSchema, ...problemResponses },
    },
    handler: (request) => getDraft(serviceContext(app, request), request.params),
  });

  app.patch('/v1/drafts/:id', {
    config: { access: 'write' },
    bodyLimit: 2 * 1024 * 1024,
    schema: {
      tags: ['campaigns'],
      summary:
        'Edit a draft: a new version, re-checked and re-scored; approvals given so far are reset and the campaign is evaluated again',
      params: idParams,
      body: editDraftInput,
      response: { 200: draftViewSchema, ...problemResponses },
    },
    handler: (request) =>
      editDraft(serviceContext(app, request), { ...request.body, id: request.params.id }),
  });

  app.get('/v1/drafts/:id/versions', {
    config: { access: 'read' },
    schema: {
      tags: ['campaigns'],
      summary: 'Every version of a draft, oldest first',
      params: idParams,
      response: { 200: z.object({ data: z.array(draftVersionSchema) }), ...problemResponses },
    },
    handler: async (request) => ({
      data: await listDraftVersions(serviceContext(app, request), request.params),
    }),
  });

  app.get('/v1/drafts/:id/versions/diff', {
    config: { access: 'read' },
    schema: {
      tags: ['campaigns'],
      summary: 'What changed between two versions of a draft, field by field',
      params: idParams,
      querystring: z.strictObject({
        from: z.coerce.number().int().min(1),
        to: z.coerce.number().int().min(1),
      }),
      response: {
        200: z.object({
          from: z.number().int(),
          to: z.number().int(),
          changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
        }),
        ...problemResponses,
      },
    },
    handler: (request) =>
      diffDraftVersions(serviceContext(app, request), { id: request.params.id, ...request.query }),
  });
}
