import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestEventSeq } from '../../src/db/queries/events.ts';
import { appendEvents } from '../../src/events/append-event.ts';
import type { NewEvent } from '../../src/events/types.ts';
import { connectStream, type StreamClient } from '../helpers/event-stream-client.ts';
import { setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const CAP = 64 * 1024;

function pongs(workspaceId: string, count: number, size = 0): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    workspaceId,
    type: 'system.pong' as const,
    data: { nonce: `n${n}`, jobId: null, workerPid: 1, padding: 'x'.repeat(size) },
  }));
}

function expectContiguous(ids: number[], from: number, to: number): void {
  expect(ids).toEqual(Array.from({ length: to - from + 1 }, (_, n) => from + n));
}

describe.each(databaseKinds)('WebSocket /v1/events/stream on %s', (kind) => {
  let t: TestApp;
  const clients: StreamClient[] = [];
  const open = async (
    ...args: Parameters<typeof connectStream> extends [unknown, ...infer R] ? R : never
  ) => {
    const client = await connectStream(t, ...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, {
      EVENTS_STREAM_MAX_BUFFER_BYTES: String(CAP),
      EVENTS_STREAM_HEARTBEAT_MS: '200',
      EVENTS_STREAM_AUTH_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.terminate();
    await t?.close();
  });

  it('replays exactly the missed events after `since`, says so, then streams live ones', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await appendEvents(t.database.db, pongs(workspaceId, 5)); // ids 2..6 (1 is workspace.created)
    const client = await open('?since=2', { headers: bearer(adminKey) });
    await client.waitForEvents(4);
    await waitUntil(() => client.messages.some((m) => m.kind === 'caught_up'), {
      what: 'caught_up',
    });
    const caughtUp = client.messages.findIndex((m) => m.kind === 'caught_up');
    expect(client.messages[caughtUp]?.lastEventId).toBe('6');
    // Live, caused through the API of this process.
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminKey),
      payload: { name: 'live', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    await client.waitForEvents(5);
    expectContiguous(client.ids(), 3, 7);
    const events = client.messages.filter((m) => m.kind === 'event');
    expect(events.at(-1)?.event?.type).toBe('api_key.created');
    expect(client.messages.slice(0, caughtUp).filter((m) => m.kind === 'event')).toHaveLength(4);
  });

  it('hands over from replay to live without gaps or duplicates while events keep coming', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await appendEvents(t.database.db, pongs(workspaceId, 300));
    let appending = true;
    // Three appenders at once: on PostgreSQL their transactions commit out of id order.
    const appender = Promise.all(
      [0, 1, 2].map(async () => {
        for (let batch = 0; appending && batch < 100; batch += 1)
          await appendEvents(t.database.db, pongs(workspaceId, 3));
      }),
    );
    // Connect while the appender runs: the replay (from 0) and live events overlap.
    const client = await open('?since=0', { headers: bearer(adminKey) });
    await waitUntil(() => client.ids().length > 400, { what: 'replay and some live events' });
    appending = false;
    await appender;
    const total = await latestEventSeq(t.database.db, workspaceId);
    await client.waitForEvents(total);
    expectContiguous(client.ids(), 1, total);
  });

  it('without `since` starts at the current position, and filters by type', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await appendEvents(t.database.db, pongs(workspaceId, 3));
    const client = await open('?type=campaign.*,delivery.sent', { headers: bearer(adminKey) });
    await waitUntil(() => client.messages.some((m) => m.kind === 'caught_up'), {
      what: 'caught_up',
    });
    await appendEvents(t.database.db, [
      { workspaceId, type: 'campaign.created', subjectType: 'campaign', subjectId: 'c1' },
      ...pongs(workspaceId, 2),
      { workspaceId, type: 'delivery.failed', subjectType: 'delivery', subjectId: 'd1' },
      { workspaceId, type: 'delivery.sent', subjectType: 'delivery', subjectId: 'd1' },
      { workspaceId, type: 'campaign.published', subjectType: 'campaign', subjectId: 'c1' },
    ]);
    await client.waitForEvents(3);
    // Let anything that should not arrive have the chance to: a later sentinel passes the filter.
    await appendEvents(t.database.db, [{ workspaceId, type: 'campaign.failed' }]);
    await client.waitForEvents(4);
    expect(client.messages.filter((m) => m.event).map((m) => m.event?.type)).toEqual([
      'campaign.created',
      'delivery.sent',
      'campaign.published',
      'campaign.failed',
    ]);
  });

  it('never delivers another workspace’s events', async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const client = await open('?since=0', { headers: bearer(a.adminKey) });
    await client.waitForEvents(1);
    await appendEvents(t.database.db, pongs(b.workspaceId, 5));
    await appendEvents(t.database.db, pongs(a.workspaceId, 1));
    await client.waitForEvents(2);
    await appendEvents(t.database.db, pongs(b.workspaceId, 5));
    await appendEvents(t.database.db, pongs(a.workspaceId, 1));
    await client.waitForEvents(3);
    expectContiguous(client.ids(), 1, 3);
  });

  it('authenticates with a first message, X-API-Key or the session cookie', async () => {
    const { workspaceId, adminKey, setupToken } = await t.createWorkspace();
    const byMessage = await open('?since=0', {
      authMessage: JSON.stringify({ kind: 'auth', apiKey: adminKey }),
    });
    const byHeader = await open('?since=0', { headers: { 'x-api-key': adminKey } });
    const signedIn = await setup(t, setupToken);
    const byCookie = await open('?since=0', {
      headers: { cookie: `toombos_session=${signedIn.cookie}` },
    });
    const count = (
      await t.app.inject({
        method: 'GET',
        url: '/v1/events',
        headers: bearer(adminKey),
      })
    ).json().data.length;
    for (const client of [byMessage, byHeader, byCookie]) await client.waitForEvents(count);
    expect(byCookie.ids()).toEqual(byHeader.ids());
    expect(byMessage.ids()[0]).toBe(1);
    expect(workspaceId).toBeDefined();
  });

  it('closes with 1008 on a bad, missing or foreign-origin credential', async () => {
    const { adminKey, setupToken } = await t.createWorkspace();
    const attempts = [
      await open('', { headers: bearer('tmb_not_a_real_key') }),
      await open('', { authMessage: JSON.stringify({ kind: 'auth', apiKey: 'nope' }) }),
      await open('', { authMessage: 'not json' }),
      await open(''), // says nothing: the auth wait runs out
    ];
    const signedIn = await setup(t, setupToken);
    attempts.push(
      await open('', {
        headers: {
          cookie: `toombos_session=${signedIn.cookie}`,
          origin: 'https://evil.example',
        },
      }),
    );
    for (const client of attempts) {
      const { code } = await client.closed;
      expect(code).toBe(1008);
      expect(client.ids()).toEqual([]);
    }
    // And a valid key with the reader role still works (the failures are not sticky).
    const ok = await open('?since=0', { headers: bearer(adminKey) });
    await ok.waitForEvents(1);
  });

  it('refuses a bad query before upgrading (4xx, never a stream)', async () => {
    const { adminKey } = await t.createWorkspace();
    await expect(
      connectStream(t, '?type=nope.nope', { headers: bearer(adminKey) }),
    ).rejects.toThrow(/HTTP 400/);
    await expect(connectStream(t, '?since=-3', { headers: bearer(adminKey) })).rejects.toThrow(
      /HTTP 400/,
    );
    const plain = await t.app.inject({
      method: 'GET',
      url: '/v1/events/stream',
      headers: bearer(adminKey),
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().detail).toMatch(/WebSocket/);
  });

  it('sends heartbeats, and drops a client that answers no ping', async () => {
    const { adminKey } = await t.createWorkspace();
    const client = await open('', { headers: bearer(adminKey) });
    await waitUntil(() => client.messages.filter((m) => m.kind === 'heartbeat').length >= 2, {
      what: 'two heartbeats',
    });
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    const deaf = await open('', { headers: bearer(adminKey), autoPong: false });
    const { code } = await deaf.closed;
    expect(code).toBe(1006); // terminated: no close handshake with a dead peer
  });
});

describe.each(databaseKinds)('a slow event stream consumer on %s', (kind) => {
  let t: TestApp;
  let client: StreamClient | undefined;
  beforeAll(async () => {
    // Heartbeats far apart: a paused client answers no ping and would be dropped for that first.
    t = await startTestApp(kind, { EVENTS_STREAM_MAX_BUFFER_BYTES: String(CAP) });
  });
  afterAll(async () => {
    client?.socket.terminate();
    await t?.close();
  });

  it('cuts off a client that never reads, with 1013, and keeps its buffer bounded', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    client = await connectStream(t, '', { headers: bearer(adminKey) });
    const stream = client;
    await waitUntil(() => stream.messages.some((m) => m.kind === 'caught_up'), {
      what: 'caught_up',
    });
    // Stop reading: the kernel buffers fill, then the server's queue for this client grows.
    const tcp = (stream.socket as unknown as { _socket: { pause(): void; resume(): void } })
      ._socket;
    tcp.pause();
    const closedBefore = t.app.eventStreamStats.slowConsumersClosed;
    const message = 6_000;
    await waitUntil(
      async () => {
        await appendEvents(t.database.db, pongs(workspaceId, 50, message));
        return t.app.eventStreamStats.slowConsumersClosed > closedBefore;
      },
      { what: 'the slow consumer to be cut off', intervalMs: 10, timeoutMs: 60_000 },
    );
    // Bounded: the cap plus the one message that crossed it (and its framing).
    expect(t.app.eventStreamStats.peakBufferedBytes).toBeLessThanOrEqual(CAP + message + 1_024);
    tcp.resume();
    const { code, reason } = await stream.closed;
    expect(code).toBe(1013);
    expect(reason).toMatch(/slow consumer.*since=\d+/);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('event stream across api processes', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp('postgres');
    b = await startTestApp('postgres', {}, { sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a client on process A receives events caused through process B, in order', async () => {
    const { adminKey } = await a.createWorkspace();
    const client = await connectStream(a, '?since=0', { headers: bearer(adminKey) });
    await client.waitForEvents(1);
    for (const name of ['one', 'two', 'three']) {
      const created = await b.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(adminKey),
        payload: { name, scopes: ['read'] },
      });
      expect(created.statusCode).toBe(201);
    }
    await client.waitForEvents(4);
    expectContiguous(client.ids(), 1, 4);
    expect(client.messages.filter((m) => m.event).map((m) => m.event?.data.name)).toEqual([
      undefined,
      'one',
      'two',
      'three',
    ]);
    await client.close();
  });
});
