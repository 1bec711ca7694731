import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, workers, workspaces } from '../../src/db/schema.ts';
import { openQueue, type Queue } from '../../src/jobs/queue.ts';
import { createWorkspaceWithOwner } from '../../src/services/workspaces/bootstrap-workspace.ts';
import { openTestDatabase, postgresUrl, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const PINGS = 1_000;
const log = pino({ level: 'silent' });
const cli = join(import.meta.dirname, '../../bin/toombos.js');

interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output: string[];
}

/** A real `toombos worker`, as production runs it: its own process, pools and LISTEN connections. */
function spawnToombos(command: 'worker' | 'api', dataDir: string, url: string): WorkerProcess {
  const child = spawn(process.execPath, [cli, command], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      TOOMBOS_SECRET_KEY: 'ab'.repeat(32),
      DATA_DIR: dataDir,
      // debug: workers log every event their bus receives (see src/main.ts).
      LOG_LEVEL: 'debug',
      PORT: '0',
      HEARTBEAT_INTERVAL_MS: '500',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  if (child.pid === undefined) throw new Error(`could not spawn toombos ${command}`);
  return { child, pid: child.pid, output };
}

async function terminate({ child }: WorkerProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

describe.skipIf(!postgresUrl)('scale-out: one api and two worker processes on PostgreSQL', () => {
  const spawned: WorkerProcess[] = [];
  let dataDir = '';
  let testDatabase: TestDatabase;
  let queue: Queue;
  let api: WorkerProcess | undefined;
  let apiUrl = '';

  beforeAll(async () => {
    if (!postgresUrl) return;
    // Unused on PostgreSQL; set anyway so a worker can never write into the checkout's ./data.
    dataDir = mkdtempSync(join(tmpdir(), 'toombos-scale-out-'));
    testDatabase = await openTestDatabase('postgres');
    // Only produces: consuming happens in the two children.
    queue = await openQueue(testDatabase.database, { pollIntervalSeconds: 1, concurrency: 1, log });
    const url = testDatabase.url ?? postgresUrl;
    spawned.push(spawnToombos('worker', dataDir, url), spawnToombos('worker', dataDir, url));
    const pids = spawned.map((worker) => worker.pid);
    api = spawnToombos('api', dataDir, url);
    const apiProcess = api;
    apiUrl = await waitUntil(
      () => {
        if (apiProcess.child.exitCode !== null)
          throw new Error(`api exited early:\n${apiProcess.output.join('')}`);
        return /Toombos is running at (http:\/\/\S+)/.exec(apiProcess.output.join(''))?.[1];
      },
      { what: 'the api process to listen', timeoutMs: 60_000, intervalMs: 100 },
    );
    // Both must be consuming before the first ping, or the faster starter could take every job.
    await waitUntil(
      async () => {
        for (const worker of spawned) {
          if (worker.child.exitCode !== null)
            throw new Error(`worker exited early:\n${worker.output.join('')}`);
        }
        const [row] = await testDatabase.database.db
          .select({ live: count() })
          .from(workers)
          .where(inArray(workers.pid, pids));
        return row?.live === 2;
      },
      { what: 'two worker heartbeats', timeoutMs: 60_000, intervalMs: 100 },
    );
  });

  afterAll(async () => {
    await Promise.all([...spawned, ...(api ? [api] : [])].map(terminate));
    await queue?.stop();
    await testDatabase?.close();
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers ${PINGS} pings exactly once each, using both workers`, {
    timeout: 180_000,
  }, async () => {
    const { db } = testDatabase.database;
    const [workspace] = await db
      .insert(workspaces)
      .values({ name: 'Scale-out', slug: `scale-out-${randomUUID()}` })
      .returning({ id: workspaces.id });
    if (workspace === undefined) throw new Error('no workspace created');
    const workspaceId = workspace.id;
    const nonces = Array.from({ length: PINGS }, (_, index) => `ping-${index}-${randomUUID()}`);
    for (let start = 0; start < PINGS; start += 50) {
      const chunk = nonces.slice(start, start + 50);
      await Promise.all(chunk.map((nonce) => queue.enqueue('system.ping', { workspaceId, nonce })));
    }

    const pongs = () =>
      db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'system.pong')));
    await waitUntil(async () => (await pongs()).length >= PINGS, {
      what: `${PINGS} pongs`,
      timeoutMs: 150_000,
      intervalMs: 250,
    });
    // Every job settled, so no straggler can still add a duplicate after we count.
    await waitUntil(
      async () => {
        const result = (await db.execute(
          sql`select count(*)::int as settled from pgboss.job
              where name = 'system.ping' and data->>'workspaceId' = ${workspaceId} and state = 'completed'`,
        )) as { rows: { settled: number }[] };
        return result.rows[0]?.settled === PINGS;
      },
      { what: 'all jobs completed', timeoutMs: 30_000, intervalMs: 250 },
    );

    const answered = await pongs();
    expect(answered).toHaveLength(PINGS);
    expect(new Set(answered.map((event) => event.data.nonce))).toEqual(new Set(nonces));
    expect(new Set(answered.map((event) => event.data.jobId)).size).toBe(PINGS);
    const pids = new Set(answered.map((event) => event.data.workerPid));
    for (const worker of spawned) expect(pids).toContain(worker.pid);
  });

  it('delivers an event appended in the api process to the bus of each worker process', async () => {
    const { db } = testDatabase.database;
    const created = await createWorkspaceWithOwner(db, {
      name: 'Bus',
      slug: `bus-${randomUUID()}`,
      ownerEmail: `owner-${randomUUID()}@example.test`,
    });
    const response = await fetch(`${apiUrl}/v1/workspace`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${created.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed through the api process' }),
    });
    expect(response.status).toBe(200);
    const [appended] = await db
      .select({ id: events.id })
      .from(events)
      .where(
        and(eq(events.workspaceId, created.workspaceId), eq(events.type, 'workspace.updated')),
      );
    if (!appended) throw new Error('the api process appended no workspace.updated event');
    const heard = (worker: WorkerProcess) =>
      worker.output
        .join('')
        .split('\n')
        .some(
          (line) => line.includes('"event received"') && line.includes(`"eventId":${appended.id},`),
        );
    await waitUntil(() => spawned.every(heard), {
      what: 'both workers to hear the event',
      timeoutMs: 20_000,
      intervalMs: 100,
    });
  });
});
