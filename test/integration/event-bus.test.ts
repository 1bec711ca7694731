import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.ts';
import { workspaces } from '../../src/db/schema.ts';
import { appendEvent } from '../../src/events/append-event.ts';
import { type EventBus, openEventBus } from '../../src/events/bus.ts';
import type { EventType } from '../../src/events/catalog.ts';
import type { StoredEvent } from '../../src/events/types.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const log = pino({ level: 'silent' });

/** The bus carries whatever the log holds; these tests use types outside the catalog on purpose. */
const testType = (name: string) => name as EventType;

async function createWorkspace(db: Db): Promise<string> {
  const [row] = await db
    .insert(workspaces)
    .values({ name: 'Bus test', slug: `bus-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (row === undefined) throw new Error('no workspace created');
  return row.id;
}

/** Records what a bus delivers for one workspace (other tests share the database). */
function record(bus: EventBus, workspaceId: string): StoredEvent[] {
  const seen: StoredEvent[] = [];
  bus.subscribe((event) => {
    if (event.workspaceId === workspaceId) seen.push(event);
  });
  return seen;
}

describe.each(databaseKinds)('event bus on %s', (kind) => {
  let first: TestDatabase;
  // PostgreSQL: a second handle with its own pool and LISTEN connection, as another process has.
  // PGlite is one process's database by design, so both buses share the one instance.
  let second: TestDatabase | null = null;
  let otherDatabase: Database;
  let db: Db;
  let bus: EventBus;
  let otherBus: EventBus;

  beforeAll(async () => {
    first = await openTestDatabase(kind);
    db = first.database.db;
    if (kind === 'postgres') second = await openTestDatabase(kind, { sameAs: first });
    otherDatabase = second?.database ?? first.database;
    bus = await openEventBus(first.database, log);
    otherBus = await openEventBus(otherDatabase, log);
  });

  afterAll(async () => {
    await bus?.close();
    await otherBus?.close();
    await second?.close();
    await first?.close();
  });

  it('delivers an event appended in a committed transaction to every bus, as stored', async () => {
    const workspaceId = await createWorkspace(db);
    const here = record(bus, workspaceId);
    const there = record(otherBus, workspaceId);
    const stored = await db.transaction((tx) =>
      appendEvent(tx, {
        workspaceId,
        type: testType('test.happened'),
        subjectType: 'thing',
        subjectId: 't1',
        actor: 'tester',
        data: { n: 1, text: 'héllo' },
      }),
    );
    await waitUntil(() => here.length === 1 && there.length === 1, { what: 'both buses' });
    // The position in the workspace is assigned at commit, after the insert returned.
    expect(stored.seq).toBeNull();
    expect(here[0]).toEqual({ ...stored, seq: 1 });
    expect(there[0]).toEqual({ ...stored, seq: 1 });
    expect(stored.createdAt).toBeInstanceOf(Date);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const workspaceId = await createWorkspace(db);
    const seen = record(bus, workspaceId);
    await expect(
      db.transaction(async (tx) => {
        await appendEvent(tx, { workspaceId, type: testType('test.rolled-back') });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // Notifications arrive in commit order, so once this one is here the other would have been too.
    await appendEvent(db, { workspaceId, type: testType('test.sentinel') });
    await waitUntil(() => seen.length > 0, { what: 'sentinel' });
    expect(seen.map((event) => event.type)).toEqual(['test.sentinel']);
  });

  it('delivers an event too large for a NOTIFY payload, in order with the others', async () => {
    const workspaceId = await createWorkspace(db);
    const seen = record(otherBus, workspaceId);
    const big = await appendEvent(db, {
      workspaceId,
      type: testType('test.big'),
      data: { text: 'x'.repeat(20_000) },
    });
    const small = await appendEvent(db, { workspaceId, type: testType('test.small') });
    await waitUntil(() => seen.length === 2, { what: 'both events' });
    expect(seen).toEqual([
      { ...big, seq: 1 },
      { ...small, seq: 2 },
    ]);
  });

  it('stops delivering to an unsubscribed listener', async () => {
    const workspaceId = await createWorkspace(db);
    const dropped: StoredEvent[] = [];
    const unsubscribe = bus.subscribe((event) => {
      if (event.workspaceId === workspaceId) dropped.push(event);
    });
    const kept = record(bus, workspaceId);
    unsubscribe();
    await appendEvent(db, { workspaceId, type: testType('test.after-unsubscribe') });
    await waitUntil(() => kept.length === 1, { what: 'kept listener' });
    expect(dropped).toEqual([]);
  });

  // PGlite runs one transaction at a time, so only PostgreSQL can commit out of id order.
  it.skipIf(kind !== 'postgres')(
    "numbers a workspace's events in commit order, not insert order, and announces them so",
    async () => {
      const workspaceId = await createWorkspace(db);
      const seen = record(bus, workspaceId);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let early: StoredEvent | undefined;
      const slow = db.transaction(async (tx) => {
        early = await appendEvent(tx, { workspaceId, type: 'system.pong', data: { n: 'slow' } });
        await held;
      });
      await waitUntil(() => early !== undefined, { what: 'the slow insert' });
      // Commits first although its id is larger (another pool connection, so it runs alongside).
      const late = await appendEvent(db, { workspaceId, type: 'system.pong', data: { n: 'fast' } });
      release();
      await slow;
      expect(early?.id).toBeLessThan(late.id);
      await waitUntil(() => seen.length === 2, { what: 'both events' });
      expect(seen.map((event) => [event.data.n, event.seq])).toEqual([
        ['fast', 1],
        ['slow', 2],
      ]);
    },
  );

  it.skipIf(kind !== 'postgres')('resumes after its LISTEN connection is killed', async () => {
    const workspaceId = await createWorkspace(db);
    const seen = record(bus, workspaceId);
    // As a server restart would: end this process's listener sessions from the server side.
    await db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`toombos-events:${process.pid}`}`,
    );
    // Events appended while it reconnects are lost (by contract); keep appending until one arrives.
    await waitUntil(
      async () => {
        await appendEvent(db, { workspaceId, type: testType('test.after-restart') });
        return seen.length > 0;
      },
      { what: 'an event after reconnecting', intervalMs: 200 },
    );
  });
});
