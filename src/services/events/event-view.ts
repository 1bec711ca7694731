import { z } from 'zod';
import { eventCatalog, eventTypes } from '../../events/catalog.ts';
import type { StoredEvent } from '../../events/types.ts';

const envelope = {
  /** The event's position in its workspace: 1, 2, 3 … in commit order. Use it as `since`. */
  id: z
    .string()
    .describe("The event's position in its workspace, in commit order; use it as `since`."),
  type: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** `member:<id>`, `api_key:<id>`, `review_link:<id>` or `system:<name>`. */
  actor: z.string().nullable(),
  createdAt: z.iso.datetime(),
};

/** One event as the API, the stream and webhooks show it. `data` per type: see CatalogEvent. */
export const eventSchema = z.object({ ...envelope, data: z.record(z.string(), z.unknown()) }).meta({
  id: 'Event',
  description:
    'One event of the workspace log. `data` depends on `type`: the `CatalogEvent` schema lists every type with its data (docs/events.md has an example of each).',
});
export type EventView = z.infer<typeof eventSchema>;

/**
 * Every type with its data schema, as OpenAPI components (`CatalogEvent`, `Event.<type>`): for
 * documentation and for clients generating types; responses use the tolerant `Event` above.
 */
export const catalogEventSchema = z
  .union(
    eventTypes.map((type) =>
      z.object({ ...envelope, type: z.literal(type), data: eventCatalog[type].data }).meta({
        id: `Event.${type}`,
        description: eventCatalog[type].summary,
        examples: [{ type, data: eventCatalog[type].example }],
      }),
    ),
  )
  .meta({ id: 'CatalogEvent', description: 'Every event type of the catalog, with its data.' });

export function toEventView(row: StoredEvent): EventView {
  return {
    id: String(row.seq),
    type: row.type,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actor: row.actor,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  };
}
