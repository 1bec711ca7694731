import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin-routes.ts';
import { batchRoute, registerBatchRoutes } from './batch-routes.ts';
import type { MockCrmContext } from './context.ts';
import { createDelays } from './delays.ts';
import { sendError } from './errors.ts';
import { type MockCrmOptions, resolveMockCrmOptions } from './options.ts';
import { createMockCrmState, type MockCrmState } from './state.ts';
import { registerSubscriberRoutes } from './subscriber-routes.ts';
import { seedSubscribers } from './subscribers.ts';

export interface RunningMockCrm {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  apiKey: string;
  /** The live in-memory state, for in-process assertions. */
  state: MockCrmState;
  /** Stops listening and ends held (`timeout`/`slow`) responses instead of waiting for them. */
  close(): Promise<void>;
}

/** Starts a mock CRM speaking the PRODUCT §10.1 contract, for tests and safe dry runs. */
export async function startMockCrm(options: MockCrmOptions = {}): Promise<RunningMockCrm> {
  const context = createMockCrmContext(options);
  const app = buildMockCrm(context);
  await app.listen({ port: context.options.port, host: context.options.host });
  const { port } = app.server.address() as AddressInfo;
  const host = context.options.host.includes(':')
    ? `[${context.options.host}]`
    : context.options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    apiKey: context.options.apiKey,
    state: context.state,
    close() {
      closing ??= (async () => {
        context.delays.cancelAll();
        const closed = app.close();
        app.server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/** Options, seeded state and timers for one mock CRM. */
export function createMockCrmContext(options: MockCrmOptions = {}): MockCrmContext {
  const resolved = resolveMockCrmOptions(options);
  return {
    options: resolved,
    state: createMockCrmState(seedSubscribers(resolved.subscribers)),
    delays: createDelays(),
  };
}

/** The Fastify app without listening, so tests may also use `inject`. */
export function buildMockCrm(context: MockCrmContext): FastifyInstance {
  const app = Fastify({
    logger: context.options.logger,
    bodyLimit: 10 * 1024 * 1024, // 1000 recipients with merge vars outgrow Fastify's 1 MiB
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/v1/')) return;
    if (!(request.method === 'GET' && path === '/api/v1/stats')) context.state.stats.requests += 1;
    if (request.headers['x-api-key'] !== context.options.apiKey) {
      return sendError(reply, 401, 'unauthorized', 'Missing or wrong X-API-Key header');
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'mock CRM handler failed');
      return sendError(reply, 500, 'internal', 'Mock CRM internal error');
    }
    if (request.method === 'POST' && request.routeOptions.url === batchRoute) {
      context.state.stats.rejected.invalid += 1;
    }
    return sendError(reply, status, clientErrorCode(status), error.message);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `No route ${request.method} ${request.url}`),
  );

  registerAdminRoutes(app, context);
  registerSubscriberRoutes(app, context);
  registerBatchRoutes(app, context);
  return app;
}

function clientErrorCode(status: number): string {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'invalid_request';
}
