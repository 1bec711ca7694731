import type { events } from '../db/schema.ts';
import type { EventType } from './catalog.ts';

/** One row of the append-only event log, as every reader (bus, API, WebSocket) sees it. */
export type StoredEvent = typeof events.$inferSelect;

/** What a use case appends; the database assigns `id` and `createdAt`. */
export interface NewEvent {
  workspaceId: string;
  /** A type of the catalog (src/events/catalog.ts). */
  type: EventType;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  actor?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/** The PostgreSQL NOTIFY channel every process listens on for appended events. */
export const EVENTS_CHANNEL = 'toombos_events';

/**
 * NOTIFY payloads are capped at 8000 bytes. An event whose JSON fits under this size travels whole;
 * a larger one travels as a reference (`{ id, truncated: true }`) and the bus loads the row.
 */
export const INLINE_EVENT_MAX_BYTES = 7_800;
