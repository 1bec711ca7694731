import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';
import type { NewEvent, StoredEvent } from './types.ts';

/**
 * Appends events to the log. At commit, a deferred trigger (migration 0007) gives each its position
 * in the workspace (`seq`, the public event id, in commit order) and announces it on
 * `toombos_events`: PostgreSQL delivers a NOTIFY only when its transaction commits, so when `db` is
 * a transaction, listeners hear of the events iff it commits, and never before the rows are visible
 * to them. Ids and positions follow the order given. The rows returned have no `seq` yet when `db`
 * is a transaction (it is assigned at commit).
 */
export async function appendEvents(db: Db, list: readonly NewEvent[]): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  return db
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
    .returning();
}

/** Appends one event (see appendEvents). */
export async function appendEvent(db: Db, event: NewEvent): Promise<StoredEvent> {
  const [stored] = await appendEvents(db, [event]);
  if (stored === undefined) throw new Error('appendEvent: the insert returned no row');
  return stored;
}
