import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { LogController } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { type Config, publicUrl } from '../config.ts';
import type { Database } from '../db/client.ts';
import { countPendingApprovals } from '../db/queries/campaigns.ts';
import { latestHeartbeat } from '../db/queries/workers.ts';
import type { EventBus } from '../events/bus.ts';
import type { Queue } from '../jobs/queue.ts';
import { createMetrics, type Metrics, registerDatabaseGauges } from '../metrics/registry.ts';
import { accessHook } from './auth/access-hook.ts';
import { createApiKeyAuth } from './auth/api-key-auth.ts';
import { registerErrorHandlers } from './error-handlers.ts';
import type { App } from './fastify-types.ts';
import { idempotencyHooks } from './idempotency.ts';
import { registerStrictJsonParser } from './json-parser.ts';
import { multipartLimits } from './multipart-body.ts';
import { registerOpenApi } from './openapi.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createReadCaches, evictOnEvents, type ReadCaches } from './read-caches.ts';
import { responseSerializerCompiler } from './response-serializer.ts';
import { recordRouteTable } from './route-table.ts';
import { registerRoutes } from './routes/index.ts';
import { securityHeaders } from './security-headers.ts';

export interface HttpDeps {
  config: Config;
  database: Database;
  queue: Queue;
  bus: EventBus;
  rateLimiter: RateLimiter;
  /** AES-256-GCM key for secrets at rest (see src/secret-key.ts). */
  secretKey: Buffer;
  log: Logger;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: HttpDeps;
    caches: ReadCaches;
    metrics: Metrics;
  }
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildServer(deps: HttpDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log,
    // One access-log line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
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

  // One registry per server; gauges whose value lives in the database are read at scrape time.
  const metrics = createMetrics();
  registerDatabaseGauges(metrics, {
    queueDepth: () => deps.queue.depth(),
    latestHeartbeat: () => latestHeartbeat(deps.database.db),
    pendingApprovals: () => countPendingApprovals(deps.database.db),
  });
  const caches = createReadCaches();
  const stopEvicting = evictOnEvents(caches, deps.bus);
  app.addHook('onClose', async () => stopEvicting());
  app.decorate('deps', deps);
  app.decorate('caches', caches);
  app.decorate('metrics', metrics);
  recordRouteTable(app); // before any route, so tests can walk every one
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerStrictJsonParser(app);

  if (deps.config.CORS_ORIGINS.length > 0) {
    await app.register(cors, {
      origin: deps.config.CORS_ORIGINS,
      credentials: true,
      // The plugin's default is GET,HEAD,POST: a dashboard on another origin could not PATCH or DELETE.
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: [
        'X-Request-Id',
        'Retry-After',
        'Idempotent-Replayed',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ],
    });
  }
  // Cookies are parsed only where a session is looked for (authenticate-request.ts), not on
  // every request: API-key traffic never needs them.
  await app.register(cookie, { hook: false });
  // Document uploads; routes opt in with the multipartToBody preValidation hook.
  await app.register(multipart, { limits: multipartLimits });
  // Event stream clients send one small auth message at most.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 } });

  const headers = securityHeaders({ https: publicUrl(deps.config).startsWith('https://') });
  app.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    reply.headers(
      typeof type === 'string' && type.startsWith('text/html') ? headers.page : headers.api,
    );
    reply.header('X-Request-Id', request.id);
    done(null, payload);
  });
  const authenticateKey = createApiKeyAuth(deps.database.db, caches, deps.log);
  app.addHook(
    'onRequest',
    accessHook({
      authenticateKey,
      db: deps.database.db,
      rateLimiter: deps.rateLimiter,
      defaultRateLimitPerMinute: deps.config.RATE_LIMIT_PER_MINUTE,
    }),
  );
  const idempotency = idempotencyHooks(deps.database.db, deps.secretKey);
  // Only POSTs can carry an Idempotency-Key: other routes do not pay for the hooks.
  app.addHook('onRoute', (route) => {
    if (route.method !== 'POST') return;
    route.preHandler = [...toArray(route.preHandler), idempotency.preHandler];
    route.onSend = [...toArray(route.onSend), idempotency.onSend];
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.httpRequestsTotal.inc(labels);
    metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  registerErrorHandlers(app);
  await registerOpenApi(app);
  registerRoutes(app, { authenticateKey });
  return app;
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
