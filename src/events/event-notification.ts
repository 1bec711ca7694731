import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { events } from '../db/schema.ts';
import type { StoredEvent } from './types.ts';

/** The row as `row_to_json` renders it in the commit trigger's NOTIFY payload (migration 0007). */
const inlineEvent = z.object({
  id: z.number().int(),
  workspace_id: z.string(),
  type: z.string(),
  subject_type: z.string().nullable(),
  subject_id: z.string().nullable(),
  actor: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  seq: z.number().int().nullable(),
});

/** An event too large for NOTIFY: only its id travels. */
const eventReference = z.object({ id: z.number().int(), truncated: z.literal(true) });

export type EventNotification =
  | { kind: 'inline'; event: StoredEvent }
  | { kind: 'reference'; id: number };

/** Returns null for a payload that is not ours (anyone may NOTIFY on the channel). */
export function parseEventNotification(payload: string): EventNotification | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const reference = eventReference.safeParse(json);
  if (reference.success) return { kind: 'reference', id: reference.data.id };
  const inline = inlineEvent.safeParse(json);
  if (!inline.success) return null;
  const row = inline.data;
  return {
    kind: 'inline',
    event: {
      id: row.id,
      workspaceId: row.workspace_id,
      type: row.type,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      actor: row.actor,
      data: row.data,
      createdAt: new Date(row.created_at),
      seq: row.seq,
    },
  };
}

/**
 * Loads events by id for the bus, which serves every workspace of the process; tenant filtering
 * happens in each subscriber (the WebSocket gateway, webhooks), never here.
 */
export async function loadEventsByIds(db: Db, ids: number[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  return db.select().from(events).where(inArray(events.id, ids)).orderBy(events.id);
}
