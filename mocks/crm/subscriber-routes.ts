import type { FastifyInstance } from 'fastify';
import type { MockCrmContext } from './context.ts';
import { sendError, sendInvalid } from './errors.ts';
import { subscribersQuery } from './schemas.ts';
import { decodeCursor, pageSubscribers } from './subscribers.ts';

/** `GET /api/v1/subscribers`: cursor pagination over the seeded list, optionally by status. */
export function registerSubscriberRoutes(app: FastifyInstance, { state }: MockCrmContext): void {
  app.get('/api/v1/subscribers', async (request, reply) => {
    const parsed = subscribersQuery.safeParse(request.query);
    if (!parsed.success) return sendInvalid(reply, 'query', parsed.error);
    const after = decodeCursor(parsed.data.cursor);
    if (after === null) {
      return sendError(reply, 400, 'invalid_request', 'Invalid query: cursor: unknown cursor', [
        { field: 'cursor', message: 'unknown cursor' },
      ]);
    }
    return pageSubscribers(state.subscribers, {
      status: parsed.data.status,
      limit: parsed.data.limit,
      after,
    });
  });
}
