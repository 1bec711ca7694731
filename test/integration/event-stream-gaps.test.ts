import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../src/db/queries/events.ts';
import { appendEvents } from '../../src/events/append-event.ts';
import type { EventBus, EventListener } from '../../src/events/bus.ts';
import type { StoredEvent } from '../../src/events/types.ts';
import { openEventStream } from '../../src/services/events/event-stream.ts';
import { createWorkspaceWithOwner } from '../../src/services/workspaces/bootstrap-workspace.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/** A bus the test drives by hand: it can lose, repeat and reorder notifications. */
function manualBus() {
  const listeners = new Set<EventListener>();
  const bus: EventBus = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {},
  };
  const emit = (event: StoredEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { bus, emit };
}

describe('event stream recovery from the log', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.close();
  });

  it('reads positions the bus lost from the log, and skips ones it repeats', async () => {
    const db = tdb.database.db;
    const { workspaceId } = await createWorkspaceWithOwner(db, {
      name: 'Gaps',
      slug: `gaps-${Date.now()}`,
      ownerEmail: `gaps-${Date.now()}@example.test`,
    });
    const { bus, emit } = manualBus();
    const sent: number[] = [];
    const messages: string[] = [];
    const stream = openEventStream(
      {
        send: (message) => {
          messages.push(message);
          const parsed = JSON.parse(message);
          if (parsed.kind === 'event') sent.push(Number(parsed.event.id));
        },
        bufferedBytes: () => 0,
        close: () => {},
      },
      { db, bus, workspaceId, since: 0, maxBufferedBytes: 1_000_000, onError: () => {} },
    );
    await waitUntil(() => messages.some((m) => m.includes('caught_up')), { what: 'caught_up' });
    expect(sent).toEqual([1]);
    const pong = { workspaceId, type: 'system.pong' as const, data: { nonce: 'n' } };
    await appendEvents(db, [pong, pong, pong, pong]); // positions 2..5
    const rows = await listEvents(db, { workspaceId, afterSeq: 1, limit: 10 });
    const [two, , , five] = rows;
    if (!two || !five) throw new Error('events missing');
    emit(two);
    emit(two); // repeated
    emit(five); // 3 and 4 lost
    await waitUntil(() => sent.length === 5, { what: 'five events' });
    emit(two); // late repeat
    await appendEvents(db, [pong]);
    const [six] = await listEvents(db, { workspaceId, afterSeq: 5, limit: 1 });
    if (!six) throw new Error('event 6 missing');
    emit(six);
    await waitUntil(() => sent.length === 6, { what: 'six events' });
    expect(sent).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stream.position()).toBe(6);
    stream.stop();
  });
});
