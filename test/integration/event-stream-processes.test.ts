import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  listeningUrl,
  spawnToombos,
  type ToombosProcess,
  terminate,
} from '../helpers/spawn-toombos.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { postgresUrl } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

/**
 * Real processes on one PostgreSQL database: a WebSocket client of a `toombos api` process receives
 * events caused through another api (this test's app) and appended by a `toombos worker`.
 */
describe.skipIf(!postgresUrl)('the event stream across real processes on PostgreSQL', () => {
  let t: TestApp;
  let dataDir = '';
  const spawned: ToombosProcess[] = [];
  let apiUrl = '';

  beforeAll(async () => {
    t = await startTestApp('postgres');
    dataDir = mkdtempSync(join(tmpdir(), 'toombos-stream-processes-'));
    const env = {
      DATABASE_URL: t.url ?? '',
      TOOMBOS_SECRET_KEY: t.secretKey.toString('hex'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO_SOURCE: 'false',
    };
    const api = spawnToombos('api', env);
    spawned.push(api, spawnToombos('worker', env));
    apiUrl = await listeningUrl(api);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(spawned.map(terminate));
    await t?.close();
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers to a client of process B what process A and a worker append, in order', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    const socket = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/v1/events/stream?since=0`, {
      headers: bearer(adminKey),
    });
    const events: { id: string; type: string }[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.kind === 'event') events.push(message.event);
    });
    try {
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      await waitUntil(() => events.length === 1, { what: 'the replayed workspace.created' });
      // Through api process A (this one).
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(adminKey),
        payload: { name: 'from A', scopes: ['read'] },
      });
      expect(created.statusCode).toBe(201);
      // By the worker process: it answers a ping with a system.pong event.
      await t.queue.enqueue('system.ping', { workspaceId, nonce: 'from the worker' });
      await waitUntil(() => events.length === 3, { what: 'the events of A and of the worker' });
      expect(events.map((event) => event.type)).toEqual([
        'workspace.created',
        'api_key.created',
        'system.pong',
      ]);
      expect(events.map((event) => event.id)).toEqual(['1', '2', '3']);
    } finally {
      socket.terminate();
    }
  });
});
