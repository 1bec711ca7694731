import { z } from 'zod';
import {
  createConnectionInput,
  updateConnectionInput,
} from '../../services/connections/connection-input.ts';
import { connectionViewSchema } from '../../services/connections/connection-view.ts';
import { createConnection } from '../../services/connections/create-connection.ts';
import { deleteConnection } from '../../services/connections/delete-connection.ts';
import { getConnection } from '../../services/connections/get-connection.ts';
import { listConnections } from '../../services/connections/list-connections.ts';
import { updateConnection } from '../../services/connections/update-connection.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

const idParams = z.strictObject({ id: z.uuid() });

/** Reads need `read`; writes need `admin`: a connection holds the credentials of a destination. */
export function connectionRoutes(app: App): void {
  const secrets = { secretKey: app.deps.secretKey };

  app.get('/v1/connections', {
    config: { access: 'read' },
    schema: {
      tags: ['connections'],
      summary: 'List connections (never their credentials)',
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(connectionViewSchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) => listConnections(serviceContext(app, request), page)),
  });

  app.post('/v1/connections', {
    config: { access: 'admin' },
    schema: {
      tags: ['connections'],
      summary: 'Add a destination for one channel',
      description:
        '`provider` names a publish adapter; it decides the channels it may publish and checks `config` and `credentials` against its schemas. Credentials are stored encrypted and never returned (`hasCredentials` says whether there are some). One `sandbox` connection per channel (409 for a second). ',
      body: createConnectionInput,
      response: { 201: connectionViewSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const created = await createConnection(serviceContext(app, request), request.body, secrets);
      return reply.code(201).send(created);
    },
  });

  app.get('/v1/connections/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['connections'],
      summary: 'One connection',
      params: idParams,
      response: { 200: connectionViewSchema, ...problemResponses },
    },
    handler: (request) => getConnection(serviceContext(app, request), request.params),
  });

  app.patch('/v1/connections/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['connections'],
      summary: 'Change a connection (name, config, credentials, rate limit, status)',
      description:
        'A `config` replaces the old one whole. New `credentials` replace the stored ones and make a `needs_reconnect` connection `active`; `{}` or none keeps them. `rateLimit: null` removes the limit. `provider` and `channel` cannot change. ',
      params: idParams,
      body: updateConnectionInput,
      response: { 200: connectionViewSchema, ...problemResponses },
    },
    handler: (request) =>
      updateConnection(
        serviceContext(app, request),
        { ...request.body, ...request.params },
        secrets,
      ),
  });

  app.delete('/v1/connections/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['connections'],
      summary: 'Delete a connection no delivery refers to (409 otherwise)',
      params: idParams,
      response: { 204: z.null().describe('Deleted'), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteConnection(serviceContext(app, request), request.params);
      return reply.code(204).send(null);
    },
  });
}
