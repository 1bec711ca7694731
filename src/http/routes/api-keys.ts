import { z } from 'zod';
import { scopes } from '../../db/schema.ts';
import { createApiKey } from '../../services/api-keys/create-api-key.ts';
import { getApiKey } from '../../services/api-keys/get-api-key.ts';
import { listApiKeys } from '../../services/api-keys/list-api-keys.ts';
import { revokeApiKey } from '../../services/api-keys/revoke-api-key.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(scopes)),
    rateLimitPerMinute: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(scopes)).min(1).max(scopes.length),
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
});

const idParams = z.strictObject({ id: z.uuid() });

export function apiKeyRoutes(app: App): void {
  app.get('/v1/api-keys', {
    config: { access: 'admin' },
    schema: {
      tags: ['api-keys'],
      summary: 'List API keys (never their secrets)',
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(apiKeySchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) => listApiKeys(serviceContext(app, request), page)),
  });

  app.post('/v1/api-keys', {
    config: { access: 'admin' },
    schema: {
      tags: ['api-keys'],
      summary: 'Create an API key; the secret `key` is in this response only',
      body: createApiKeyBody,
      response: { 201: apiKeySchema.extend({ key: z.string() }), ...problemResponses },
    },
    handler: async (request, reply) => {
      const created = await createApiKey(serviceContext(app, request), request.body);
      return reply.code(201).send(created);
    },
  });

  app.get('/v1/api-keys/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['api-keys'],
      summary: 'One API key',
      params: idParams,
      response: { 200: apiKeySchema, ...problemResponses },
    },
    handler: (request) => getApiKey(serviceContext(app, request), request.params),
  });

  app.delete('/v1/api-keys/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['api-keys'],
      summary: 'Revoke an API key (it stops working at once; the record stays)',
      params: idParams,
      response: { 200: apiKeySchema, ...problemResponses },
    },
    handler: async (request) => {
      const revoked = await revokeApiKey(serviceContext(app, request), request.params);
      // Other processes learn of it through the api_key.revoked event (read-caches.ts).
      app.caches.apiKeys.clear();
      return revoked;
    },
  });
}
