import type { FastifyInstance } from 'fastify';
import { renderPost } from './render.ts';
import { type MockPlatformState, resetState } from './state.ts';

/** Health, stats, reset and the public post pages: everything outside the content CRUD. */
export function registerServiceRoutes(app: FastifyInstance, state: MockPlatformState): void {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/api/v1/stats', async () => state.stats);

  app.delete('/api/v1/test-data', async (_request, reply) => {
    resetState(state);
    return reply.code(204).send();
  });

  app.get<{ Params: { slug: string } }>('/posts/:slug', async (request, reply) => {
    const item = [...state.content.values()].find((entry) => entry.slug === request.params.slug);
    if (!item) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('text/html; charset=utf-8').send(renderPost(item));
  });
}
