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
 * Appends one event to the log and announces it on `toombos_events`, in one statement: PostgreSQL
 * delivers a NOTIFY only when its transaction commits, so when `db` is a transaction, listeners hear
 * of the event iff it commits, and never before the row is visible to them.
 */
export async function appendEvent(db: Db, event: NewEvent): Promise<StoredEvent> {
  const inserted = db.$with('inserted').as(
    db
      .insert(events)
      .values({
        workspaceId: event.workspaceId,
        type: event.type,
        subjectType: event.subjectType ?? null,
        subjectId: event.subjectId ?? null,
        actor: event.actor ?? null,
        data: event.data ?? {},
      })
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
    .from(inserted);
  const row = rows[0];
  if (row === undefined) throw new Error('appendEvent: the insert returned no row');
  const { notified: _notified, ...stored } = row;
  return stored;
}
