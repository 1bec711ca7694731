import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';
import {
  EVENTS_CHANNEL,
  INLINE_EVENT_MAX_BYTES,
  type NewEvent,
  type StoredEvent,
} from './types.ts';

/**
 * Appends events to the log and announces each on `toombos_events`, in one statement: PostgreSQL
 * delivers a NOTIFY only when its transaction commits, so when `db` is a transaction, listeners hear
 * of the events iff it commits, and never before the rows are visible to them. Ids follow the
 * order given.
 */
export async function appendEvents(db: Db, list: readonly NewEvent[]): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  const inserted = db.$with('inserted').as(
    db
      .insert(events)
      .values(
        list.map((event) => ({
          workspaceId: event.workspaceId,
          type: event.type,
          subjectType: event.subjectType ?? null,
          subjectId: event.subjectId ?? null,
          actor: event.actor ?? null,
          data: event.data ?? {},
        })),
      )
      .returning(),
  );
  // row_to_json keeps the column names (snake_case) and renders timestamps as ISO 8601 whatever the
  // session's DateStyle; parseEventNotification reads exactly that shape.
  const payload = sql`case
    when octet_length(row_to_json(inserted)::text) <= ${INLINE_EVENT_MAX_BYTES}
      then row_to_json(inserted)::text
    else json_build_object('id', inserted.id, 'truncated', true)::text
  end`;
  const rows = await db
    .with(inserted)
    .select({
      id: inserted.id,
      workspaceId: inserted.workspaceId,
      type: inserted.type,
      subjectType: inserted.subjectType,
      subjectId: inserted.subjectId,
      actor: inserted.actor,
      data: inserted.data,
      createdAt: inserted.createdAt,
      notified: sql<unknown>`pg_notify(${EVENTS_CHANNEL}, ${payload})`,
    })
    .from(inserted)
    .orderBy(inserted.id);
  return rows.map(({ notified: _notified, ...stored }) => stored);
}

/** Appends one event (see appendEvents). */
export async function appendEvent(db: Db, event: NewEvent): Promise<StoredEvent> {
  const [stored] = await appendEvents(db, [event]);
  if (stored === undefined) throw new Error('appendEvent: the insert returned no row');
  return stored;
}
