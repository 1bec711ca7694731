import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { fromPglite, PgBoss } from 'pg-boss';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { events, workspaces } from '../../src/db/schema.ts';
import { openQueue, type Queue } from '../../src/jobs/queue.ts';
import { workerContext } from '../../src/jobs/worker-context.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const log = pino({ level: 'silent' });

async function createWorkspace(db: Db): Promise<string> {
  const [row] = await db
    .insert(workspaces)
    .values({ name: 'Queue test', slug: `queue-${randomUUID()}` })
    .returning({ id: workspaces.id });
  if (row === undefined) throw new Error('no workspace created');
  return row.id;
}

function pongs(db: Db, workspaceId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'system.pong')));
}

/** pg-boss's own record of a job (its table is not part of our API, but tests may look). */
async function findJob(
  db: Db,
  id: string,
): Promise<{ state: string; retryCount: number } | undefined> {
  const result = (await db.execute(
    sql`select state::text as state, retry_count as "retryCount" from pgboss.job where id = ${id}::uuid`,
  )) as { rows: { state: string; retryCount: number }[] };
  return result.rows[0];
}

/** Sends without our validation, as a producer with an older schema (or a bug) might. */
async function sendUnvalidated(database: Database, data: object): Promise<string> {
  const lean = { supervise: false, schedule: false, migrate: false, registerInstance: false };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', ...lean })
      : new PgBoss({ connectionString: database.connectionString, max: 1, ...lean });
  await boss.start();
  try {
    const id = randomUUID();
    const created = await boss.send('system.ping', data, { id, singletonKey: id });
    if (created === null) throw new Error('pg-boss refused the job');
    return created;
  } finally {
    await boss.stop({ graceful: false });
  }
}

describe.each(databaseKinds)('job queue on %s', (kind) => {
  let testDatabase: TestDatabase;
  let db: Db;
  let queue: Queue;

  beforeAll(async () => {
    testDatabase = await openTestDatabase(kind);
    db = testDatabase.database.db;
    queue = await openQueue(testDatabase.database, {
      pollIntervalSeconds: 0.5,
      concurrency: 5,
      log,
    });
    await queue.work(
      workerContext(loadConfig({ LOG_LEVEL: 'silent' }), {
        db,
        log,
        queue,
        secretKey: randomBytes(32),
      }),
    );
  });

  afterAll(async () => {
    await queue?.stop();
    await testDatabase?.close();
  });

  it('runs an enqueued job exactly once', async () => {
    const workspaceId = await createWorkspace(db);
    const jobId = await queue.enqueue('system.ping', { workspaceId, nonce: 'once' });
    await waitUntil(async () => (await findJob(db, jobId))?.state === 'completed', {
      what: 'job completed',
    });
    const answered = await pongs(db, workspaceId);
    expect(answered).toHaveLength(1);
    // Any worker on the database may have run it (other test files run workers too).
    expect(answered[0]?.data).toMatchObject({
      nonce: 'once',
      jobId,
      workerPid: expect.any(Number),
    });
  });

  it('runs a job enqueued in a committed transaction, never one whose transaction rolled back', async () => {
    const workspaceId = await createWorkspace(db);
    let rolledBackId = '';
    await expect(
      db.transaction(async (tx) => {
        rolledBackId = await queue.enqueue(
          'system.ping',
          { workspaceId, nonce: 'rolled-back' },
          { db: tx },
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const committedId = await db.transaction((tx) =>
      queue.enqueue('system.ping', { workspaceId, nonce: 'committed' }, { db: tx }),
    );
    await waitUntil(async () => (await findJob(db, committedId))?.state === 'completed', {
      what: 'job completed',
    });
    expect(rolledBackId).not.toBe('');
    expect(await findJob(db, rolledBackId)).toBeUndefined();
    expect((await pongs(db, workspaceId)).map((event) => event.data.nonce)).toEqual(['committed']);
  });

  it('rejects an invalid payload at enqueue', async () => {
    await expect(
      queue.enqueue('system.ping', { workspaceId: 'not-a-uuid', nonce: 'x' }),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('fails a job whose payload is invalid at dequeue, without retrying it', async () => {
    const jobId = await sendUnvalidated(testDatabase.database, {
      workspaceId: 'not-a-uuid',
      nonce: 'x',
    });
    const job = await waitUntil(
      async () => {
        const found = await findJob(db, jobId);
        return found?.state === 'failed' && found;
      },
      { what: 'job failed' },
    );
    expect(job.retryCount).toBe(0);
  });

  it('retries a throwing handler retry.limit times, then fails the job', async () => {
    // No such workspace: the pong's foreign key fails on every attempt.
    const jobId = await queue.enqueue('system.ping', {
      workspaceId: randomUUID(),
      nonce: 'doomed',
    });
    const job = await waitUntil(
      async () => {
        const found = await findJob(db, jobId);
        return found?.state === 'failed' && found;
      },
      { what: 'job failed', timeoutMs: 30_000 },
    );
    expect(job.retryCount).toBe(2);
  });

  it('runs a job enqueued for later at its time, not before', async () => {
    const workspaceId = await createWorkspace(db);
    const at = new Date(Date.now() + 2_000);
    const jobId = await queue.enqueueAt('system.ping', { workspaceId, nonce: 'later' }, at);
    expect((await findJob(db, jobId))?.state).toBe('created');
    const [pong] = await waitUntil(
      async () => {
        const found = await pongs(db, workspaceId);
        return found.length > 0 && found;
      },
      { what: 'delayed pong' },
    );
    expect(pong?.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
  });

  it('keeps one queued or running job per singletonKey', async () => {
    const workspaceId = await createWorkspace(db);
    const at = new Date(Date.now() + 1_500);
    const singletonKey = `ping-${workspaceId}`;
    const first = await queue.enqueueAt('system.ping', { workspaceId, nonce: 'first' }, at, {
      singletonKey,
    });
    const second = await queue.enqueueAt('system.ping', { workspaceId, nonce: 'second' }, at, {
      singletonKey,
    });
    expect(second).toBe(first);
    await waitUntil(async () => (await findJob(db, first))?.state === 'completed', {
      what: 'job completed',
    });
    expect((await pongs(db, workspaceId)).map((event) => event.data.nonce)).toEqual(['first']);
    // Once it has run, the key is free again.
    const third = await queue.enqueue(
      'system.ping',
      { workspaceId, nonce: 'third' },
      { singletonKey },
    );
    expect(third).not.toBe(first);
  });

  it('counts queued jobs in depth() and answers ping()', async () => {
    const workspaceId = await createWorkspace(db);
    await queue.enqueueAt(
      'system.ping',
      { workspaceId, nonce: 'queued' },
      new Date(Date.now() + 60_000),
    );
    const depth = await queue.depth();
    expect(depth['system.ping']).toBeGreaterThanOrEqual(1);
    await expect(queue.ping()).resolves.toBeUndefined();
  });
});
