import { z } from 'zod';
import { listEvents as listEventRows } from '../../db/queries/events.ts';
import type { ServiceContext } from '../context.ts';
import { eventIdSchema, type TypeFilter, typeFilterSchema } from './event-query.ts';
import { type EventView, toEventView } from './event-view.ts';

export const eventsQuery = z.strictObject({
  type: typeFilterSchema.optional(),
  /** `<type>` or `<type>:<id>`, e.g. `campaign:5f0c…`. */
  resource: z
    .string()
    .regex(/^[a-z_]+(:[^\s]+)?$/, 'is `<type>` or `<type>:<id>`, e.g. campaign:<uuid>')
    .max(200)
    .optional(),
  /** Only events after this id. */
  since: eventIdSchema.optional(),
  /** Only events before this id. */
  before: eventIdSchema.optional(),
});

export interface ListEventsInput {
  type?: TypeFilter | undefined;
  resource?: string | undefined;
  since?: number | undefined;
  before?: number | undefined;
  /** `asc` (the default): oldest first; `desc`: newest first. */
  order?: 'asc' | 'desc' | undefined;
  limit: number;
}

/**
 * The workspace's events in position order (oldest first, or newest first with `desc`), filtered
 * by type, resource and a position window (`since` < id < `before`).
 */
export async function listEvents(
  ctx: ServiceContext,
  input: ListEventsInput,
): Promise<EventView[]> {
  const colon = input.resource?.indexOf(':') ?? -1;
  const rows = await listEventRows(ctx.db, {
    workspaceId: ctx.workspaceId,
    types: input.type?.types,
    typePrefixes: input.type?.prefixes,
    subjectType: colon === -1 ? input.resource : input.resource?.slice(0, colon),
    subjectId: colon === -1 ? undefined : input.resource?.slice(colon + 1),
    afterSeq: input.since,
    beforeSeq: input.before,
    order: input.order,
    limit: input.limit,
  });
  return rows.map(toEventView);
}
