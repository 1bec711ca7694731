import { z } from 'zod';
import { diffSnapshots } from '../../services/sources/diff-snapshots.ts';
import { getSnapshot } from '../../services/sources/get-snapshot.ts';
import { listSnapshots } from '../../services/sources/list-snapshots.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { snapshotDiffSchema, snapshotSchema, snapshotSummarySchema } from './source-schemas.ts';

const idParams = z.strictObject({ id: z.uuid() });

export function snapshotRoutes(app: App): void {
  app.get('/v1/sources/:id/snapshots', {
    config: { access: 'read' },
    schema: {
      tags: ['sources'],
      summary: "A source's snapshots, oldest first (without items)",
      params: idParams,
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(snapshotSummarySchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) =>
        listSnapshots(serviceContext(app, request), { sourceId: request.params.id, ...page }),
      ),
  });

  app.get('/v1/snapshots/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['sources'],
      summary: 'One snapshot: its items, warnings, issues and the diff against the previous one',
      params: idParams,
      response: { 200: snapshotSchema, ...problemResponses },
    },
    handler: (request) => getSnapshot(serviceContext(app, request), request.params),
  });

  app.get('/v1/snapshots/:id/diff', {
    config: { access: 'read' },
    schema: {
      tags: ['sources'],
      summary: 'What changed from snapshot `against` to this one, by item key',
      params: idParams,
      querystring: z.strictObject({ against: z.uuid() }),
      response: { 200: snapshotDiffSchema, ...problemResponses },
    },
    handler: (request) =>
      diffSnapshots(serviceContext(app, request), {
        id: request.params.id,
        against: request.query.against,
      }),
  });
}
