import type { FastifyInstance } from 'fastify';
import type { MockCrmContext } from './context.ts';

/** `/health` (public), stats and the test-data reset. */
export function registerAdminRoutes(app: FastifyInstance, { state }: MockCrmContext): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/api/v1/stats', async () => state.stats);
  app.delete('/api/v1/test-data', async (_request, reply) => {
    state.reset();
    return reply.code(204).send();
  });
}
