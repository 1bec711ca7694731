import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { catalogEventSchema, eventSchema } from '../../services/events/event-view.ts';
import { eventsQuery, listEvents } from '../../services/events/list-events.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

// Registered as an OpenAPI component (CatalogEvent) by being imported; referenced in descriptions.
void catalogEventSchema;

const cursorSchema = z.object({ s: z.number().int().nonnegative() });

function decodeEventCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).s;
  } catch {
    throw new AppError('validation', 'The cursor is not one this API issued.', {
      errors: [{ field: 'querystring.cursor', message: 'is not a valid cursor' }],
    });
  }
}

export function eventRoutes(app: App): void {
  app.get('/v1/events', {
    config: { access: 'read' },
    schema: {
      tags: ['events'],
      summary: "The workspace's events, in order (oldest first)",
      description:
        'Every event has an `id`: its position in the workspace, increasing in commit order, so `since=<id>` never misses an event that committed later with a smaller internal number. Filters: `type` (comma-separated catalog types and `<family>.*`, e.g. `campaign.approved,delivery.*`), `resource` (`campaign` or `campaign:<id>`), `since` (an event id; only later events). The `CatalogEvent` schema lists each type with its `data`; docs/events.md has an example of each. Live: the WebSocket `/v1/events/stream`. ',
      querystring: pageQuerySchema.extend(eventsQuery.shape),
      response: { 200: pageResponseSchema(eventSchema), ...problemResponses },
    },
    handler: async (request) => {
      const { limit, cursor, since, ...filter } = request.query;
      const after = Math.max(since ?? 0, decodeEventCursor(cursor) ?? 0);
      const rows = await listEvents(serviceContext(app, request), {
        ...filter,
        since: after,
        limit: limit + 1,
      });
      const data = rows.slice(0, limit);
      const last = data[data.length - 1];
      const next =
        rows.length > limit && last
          ? Buffer.from(JSON.stringify({ s: Number(last.id) })).toString('base64url')
          : null;
      return { data, next_cursor: next };
    },
  });
}
