import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { type Config, publicUrl } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Queue } from '../jobs/queue.ts';
import type { Metrics } from '../metrics/registry.ts';
import { accessHook } from './auth/access-hook.ts';
import type { App } from './fastify-types.ts';
import { idempotencyHooks } from './idempotency.ts';
import { registerOpenApi } from './openapi.ts';
import { toProblem } from './problem.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { registerRoutes } from './routes/index.ts';

export interface HttpDeps {
  config: Config;
  database: Database;
  queue: Queue;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  log: Logger;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: HttpDeps;
  }
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildServer(deps: HttpDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: deps.config.BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming)
        ? incoming
        : crypto.randomUUID();
    },
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const https = publicUrl(deps.config).startsWith('https://');
  await app.register(helmet, {
    // The API serves JSON; /docs (Swagger UI) needs its own inline bootstrap script and styles.
    // HSTS and upgrade-insecure-requests only when served over https: on http://localhost they
    // would break every asset of the page.
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
  });
  await app.register(cors, {
    origin: deps.config.CORS_ORIGINS.length > 0 ? deps.config.CORS_ORIGINS : false,
    credentials: true,
  });
  await app.register(cookie);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  app.addHook(
    'onRequest',
    accessHook({
      db: deps.database.db,
      rateLimiter: deps.rateLimiter,
      defaultRateLimitPerMinute: deps.config.RATE_LIMIT_PER_MINUTE,
    }),
  );
  const idempotency = idempotencyHooks(deps.database.db);
  app.addHook('preHandler', idempotency.preHandler);
  app.addHook('onSend', idempotency.onSend);
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    deps.metrics.httpRequestsTotal.inc(labels);
    deps.metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
    if (typeof problem.retryAfterSeconds === 'number')
      reply.header('Retry-After', String(problem.retryAfterSeconds));
    return reply
      .code(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...problem, instance: request.url.split('?')[0] }));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'urn:toombos:problem:not_found',
          title: 'Not found',
          status: 404,
          detail: `No route ${request.method} ${request.url.split('?')[0]}`,
          code: 'not_found',
        }),
      ),
  );

  await registerOpenApi(app);
  registerRoutes(app);
  return app;
}
