import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { catalogEventSchema, eventSchema } from '../../services/events/event-view.ts';
import { eventsQuery, listEvents } from '../../services/events/list-events.ts';
import type { App } from '../fastify-types.ts';
import { orderedPageQuerySchema, pageResponseSchema } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

// Registered as an OpenAPI component (CatalogEvent) by being imported; referenced in descriptions.
void catalogEventSchema;

// `o` is only written for `desc`: cursors issued before events could be read newest first stay valid.
const cursorSchema = z.object({
  s: z.number().int().nonnegative(),
  o: z.literal('desc').optional(),
});

type EventOrder = 'asc' | 'desc';

function invalidCursor(message: string): AppError {
  return new AppError('validation', 'The cursor is not one this API issued.', {
    errors: [{ field: 'querystring.cursor', message }],
  });
}

/** The position the previous page ended at; a cursor continues the order it was issued for. */
function decodeEventCursor(cursor: string | undefined, order: EventOrder): number | undefined {
  if (cursor === undefined) return undefined;
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor('is not a valid cursor');
  }
  if ((parsed.o ?? 'asc') !== order)
    throw invalidCursor(`was issued for order=${parsed.o ?? 'asc'}; pass the same order`);
  return parsed.s;
}

function encodeEventCursor(position: number, order: EventOrder): string {
  return Buffer.from(
    JSON.stringify({ s: position, ...(order === 'desc' && { o: order }) }),
  ).toString('base64url');
}

export function eventRoutes(app: App): void {
  app.get('/v1/events', {
    config: { access: 'read' },
    schema: {
      tags: ['events'],
      summary: "The workspace's events in position order (oldest first, or newest first)",
      description:
        'Every event has an `id`: its position in the workspace, increasing in commit order, so `since=<id>` never misses an event that committed later with a smaller internal number. Filters: `type` (comma-separated catalog types and `<family>.*`, e.g. `campaign.approved,delivery.*`), `resource` (`campaign` or `campaign:<id>`), `since` (an event id; only later events), `before` (an event id; only earlier events). `order=desc` lists newest first; its pages go on to older events (still after `since`, when given). The `CatalogEvent` schema lists each type with its `data`; docs/events.md has an example of each. Live: the WebSocket `/v1/events/stream`. ',
      querystring: orderedPageQuerySchema.extend(eventsQuery.shape),
      response: { 200: pageResponseSchema(eventSchema), ...problemResponses },
    },
    handler: async (request) => {
      const { limit, cursor, order, since, before, ...filter } = request.query;
      const from = decodeEventCursor(cursor, order);
      // A page starts where the previous one ended, and never leaves the `since`/`before` window.
      const window =
        order === 'asc'
          ? { since: Math.max(since ?? 0, from ?? 0), before }
          : { since, before: from === undefined ? before : Math.min(before ?? from, from) };
      const rows = await listEvents(serviceContext(app, request), {
        ...filter,
        ...window,
        order,
        limit: limit + 1,
      });
      const data = rows.slice(0, limit);
      const last = data[data.length - 1];
      const next = rows.length > limit && last ? encodeEventCursor(Number(last.id), order) : null;
      return { data, next_cursor: next };
    },
  });
}
