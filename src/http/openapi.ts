import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { App } from './fastify-types.ts';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests; UI at /docs. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Toombos API',
        version: '1',
        description:
          'Content operations engine. Authenticate with `Authorization: Bearer <key>` or `X-API-Key`. ' +
          'Errors are RFC 9457 problem details. POSTs that create accept `Idempotency-Key`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'toombos_session' },
        },
      },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const access = input.route.config?.access;
      if (access && access !== 'public') {
        return {
          ...transformed,
          schema: {
            ...transformed.schema,
            security: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { sessionCookie: [] }],
            description:
              `${transformed.schema.description ?? ''}Requires the \`${access}\` scope.`.trim(),
          },
        };
      }
      return transformed;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
