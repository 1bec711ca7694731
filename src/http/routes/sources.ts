import { z } from 'zod';
import { outboundPolicy } from '../../config.ts';
import { createSource } from '../../services/sources/create-source.ts';
import { deleteSource } from '../../services/sources/delete-source.ts';
import { getSource } from '../../services/sources/get-source.ts';
import { listSources } from '../../services/sources/list-sources.ts';
import {
  createSourceInput,
  syncSourceInput,
  updateSourceInput,
} from '../../services/sources/source-input.ts';
import { syncSource } from '../../services/sources/sync-source.ts';
import { updateSource } from '../../services/sources/update-source.ts';
import type { App } from '../fastify-types.ts';
import { multipartToBody } from '../multipart-body.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { sourceSchema, syncResultSchema } from './source-schemas.ts';

// JSON bodies carry a document of up to 5 MB; multipart uploads are capped per file instead.
const DOCUMENT_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
const idParams = z.strictObject({ id: z.uuid() });

const UPLOAD_NOTE =
  'Also accepts `multipart/form-data`: the document in a `file` part (UTF-8, at most 5 MB) and ' +
  'the other fields as text parts.';

export function sourceRoutes(app: App): void {
  const outbound = outboundPolicy(app.deps.config);

  app.get('/v1/sources', {
    config: { access: 'read' },
    schema: {
      tags: ['sources'],
      summary: 'List sources',
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(sourceSchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) => listSources(serviceContext(app, request), page)),
  });

  app.post('/v1/sources', {
    config: { access: 'write' },
    bodyLimit: DOCUMENT_BODY_LIMIT_BYTES,
    preValidation: multipartToBody({ kind: 'markdown' }),
    schema: {
      tags: ['sources'],
      summary: 'Add a living document and sync it at once',
      description: `A \`markdown\` source holds its text (pasted or uploaded); a \`url\` source is fetched on every sync, optionally every \`syncIntervalMinutes\`. The response has the first sync's result: a failed first sync (say, a URL answering 404) still creates the source. ${UPLOAD_NOTE} Without a \`kind\` field, an upload is a markdown source.`,
      body: createSourceInput,
      response: {
        201: z.object({ source: sourceSchema, sync: syncResultSchema }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const created = await createSource(serviceContext(app, request), request.body, { outbound });
      return reply.code(201).send(created);
    },
  });

  app.get('/v1/sources/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['sources'],
      summary: 'One source, with its last sync',
      params: idParams,
      response: { 200: sourceSchema, ...problemResponses },
    },
    handler: (request) => getSource(serviceContext(app, request), request.params),
  });

  app.patch('/v1/sources/:id', {
    config: { access: 'write' },
    schema: {
      tags: ['sources'],
      summary: 'Change a source (name, strategy, URL, schedule); takes effect at the next sync',
      params: idParams,
      body: updateSourceInput,
      response: { 200: sourceSchema, ...problemResponses },
    },
    handler: (request) =>
      updateSource(serviceContext(app, request), { ...request.body, ...request.params }),
  });

  app.delete('/v1/sources/:id', {
    config: { access: 'write' },
    schema: {
      tags: ['sources'],
      summary: 'Delete a source and its snapshots',
      params: idParams,
      response: { 200: sourceSchema, ...problemResponses },
    },
    handler: (request) => deleteSource(serviceContext(app, request), request.params),
  });

  app.post('/v1/sources/:id/sync', {
    config: { access: 'write' },
    bodyLimit: DOCUMENT_BODY_LIMIT_BYTES,
    preValidation: multipartToBody(),
    schema: {
      tags: ['sources'],
      summary: 'Sync a source now: read, parse, store a snapshot if the document changed',
      description: `Answers 200 with the outcome: \`created\` (a new snapshot), \`unchanged\` (same document, no snapshot) or \`failed\` (the reason in \`error\`; the previous snapshot stays the latest). A markdown source takes its new text in the body (JSON \`text\`, or an upload). ${UPLOAD_NOTE}`,
      params: idParams,
      body: syncSourceInput.nullish(),
      response: { 200: syncResultSchema, ...problemResponses },
    },
    handler: (request) =>
      syncSource(
        serviceContext(app, request),
        { ...(request.body ?? {}), sourceId: request.params.id, trigger: 'manual' },
        { outbound },
      ),
  });
}
