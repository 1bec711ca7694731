import Fastify, { type FastifyError } from 'fastify';
import { registerCreateRoute } from './create-route.ts';
import { createDelays } from './delays.ts';
import { registerItemRoutes } from './item-routes.ts';
import { type MockPlatformOptions, mockPlatformDefaults } from './options.ts';
import { registerServiceRoutes } from './service-routes.ts';
import { createState } from './state.ts';

export type { MockPlatformOptions } from './options.ts';

export interface RunningMockPlatform {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/** A browser-usable base URL even when listening on every interface. */
function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  return `http://${shown.includes(':') && !shown.startsWith('[') ? `[${shown}]` : shown}:${port}`;
}

/** Starts an in-memory Platform CMS so tests and dry runs never touch a customer's website. */
export async function startMockPlatform(
  options: MockPlatformOptions = {},
): Promise<RunningMockPlatform> {
  const settings = { ...mockPlatformDefaults, ...options };
  const state = createState();
  const delays = createDelays();
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const readsStats = request.method === 'GET' && request.url.startsWith('/api/v1/stats');
    if (!readsStats) state.stats.requests += 1;
    if (request.headers['x-api-key'] !== settings.apiKey) {
      return reply.code(401).send({
        error: { code: 'unauthorized', message: 'Missing or wrong X-API-Key header' },
      });
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 400 && request.url.startsWith('/api/v1/')) state.stats.rejected.invalid += 1;
    return reply.code(status).send({
      error: { code: status < 500 ? 'invalid_request' : 'internal', message: error.message },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url}` },
    }),
  );

  registerServiceRoutes(app, state);
  registerCreateRoute(app, state, delays, settings);
  registerItemRoutes(app, state, delays, settings);

  await app.listen({ port: settings.port, host: settings.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  state.baseUrl = publicUrl(settings.host, port);

  let closing: Promise<void> | null = null;
  return {
    url: state.baseUrl,
    apiKey: settings.apiKey,
    close() {
      if (closing) return closing;
      delays.cancelAll();
      closing = app.close();
      app.server.closeAllConnections();
      return closing;
    },
  };
}
