import { z } from 'zod';
import { channels } from '../../generation/channels.ts';
import { emailTemplateIds } from '../../generation/generation-input.ts';
import { toneSchema } from '../../generation/tones/tone.ts';
import { deleteTone } from '../../services/generation/delete-tone.ts';
import { listTones } from '../../services/generation/list-tones.ts';
import { previewDrafts } from '../../services/generation/preview-drafts.ts';
import { previewInput } from '../../services/generation/preview-input.ts';
import { saveTone } from '../../services/generation/save-tone.ts';
import { getWorkspace } from '../../services/workspaces/get-workspace.ts';
import type { App } from '../fastify-types.ts';
import { previewSerializerCompiler } from '../preview-serializer.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { previewResultSchema, toneViewSchema } from './generation-schemas.ts';

const PREVIEW_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
const toneParams = z.strictObject({ id: toneSchema.shape.id });

/** What each email template is for; the ids come from generation-input.ts. */
const templateDescriptions: Record<(typeof emailTemplateIds)[number], string> = {
  modern: 'Cards on a soft background, a featured block first; the default.',
  minimal: 'One column of text with thin rules; no cards.',
  plain: 'Text-first: very light HTML that reads like a personal email.',
  brand: "The workspace's colors and logo on a modern layout.",
};

export function generationRoutes(app: App): void {
  app.get('/v1/channels', {
    config: { access: 'read' },
    schema: {
      tags: ['generation'],
      summary: 'Every channel with its limits (the registry the validator uses)',
      response: {
        200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }),
        ...problemResponses,
      },
    },
    handler: async () => ({ data: Object.values(channels) }),
  });

  app.get('/v1/templates', {
    config: { access: 'read' },
    schema: {
      tags: ['generation'],
      summary: 'Email templates',
      response: {
        200: z.object({ data: z.array(z.object({ id: z.string(), description: z.string() })) }),
        ...problemResponses,
      },
    },
    handler: async () => ({
      data: emailTemplateIds.map((id) => ({ id, description: templateDescriptions[id] })),
    }),
  });

  app.get('/v1/tones', {
    config: { access: 'read' },
    schema: {
      tags: ['generation'],
      summary: "Built-in tones and the workspace's own",
      response: { 200: z.object({ data: z.array(toneViewSchema) }), ...problemResponses },
    },
    handler: async (request) => ({ data: await listTones(serviceContext(app, request)) }),
  });

  app.post('/v1/tones', {
    config: { access: 'write' },
    schema: {
      tags: ['generation'],
      summary: 'Add a workspace tone (built-in ids are reserved)',
      body: toneSchema,
      response: { 201: toneViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const saved = await saveTone(serviceContext(app, request), {
        mode: 'create',
        tone: request.body,
      });
      return reply.code(201).send(saved);
    },
  });

  app.put('/v1/tones/:id', {
    config: { access: 'write' },
    schema: {
      tags: ['generation'],
      summary: 'Replace a workspace tone',
      params: toneParams,
      body: toneSchema.omit({ id: true }),
      response: { 200: toneViewSchema, ...problemResponses },
    },
    handler: (request) =>
      saveTone(serviceContext(app, request), {
        mode: 'replace',
        tone: { ...request.body, id: request.params.id },
      }),
  });

  app.delete('/v1/tones/:id', {
    config: { access: 'write' },
    schema: {
      tags: ['generation'],
      summary: 'Delete a workspace tone',
      params: toneParams,
      response: { 200: toneViewSchema, ...problemResponses },
    },
    handler: (request) => deleteTone(serviceContext(app, request), request.params),
  });

  app.post('/v1/preview', {
    config: { access: 'read' },
    bodyLimit: PREVIEW_BODY_LIMIT_BYTES,
    serializerCompiler: previewSerializerCompiler,
    schema: {
      tags: ['generation'],
      summary: 'Drafts for channels from a document, a snapshot or items; nothing is stored',
      description:
        'Give exactly one of `text`, `snapshotId` or `items`. Each draft carries `issues` (errors block approval) and a quality score. Channels no item is meant for are listed in `skipped`.',
      body: previewInput,
      response: { 200: previewResultSchema, ...problemResponses },
    },
    handler: async (request) => {
      const ctx = serviceContext(app, request);
      const workspace = await app.caches.workspaces.get(ctx.workspaceId, () => getWorkspace(ctx));
      return previewDrafts(ctx, request.body, { workspace });
    },
  });
}
