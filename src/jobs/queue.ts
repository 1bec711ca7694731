import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.ts';
import { type JobName, type JobPayload, jobCatalog } from './catalog.ts';
import type { JobDefinition, WorkerContext } from './define-job.ts';
import { type DueWaker, startDueWaker } from './due-waker.ts';
import { runJob, runJobBatch } from './run-job.ts';
import { sendJob } from './send-job.ts';
import { PGBOSS_SCHEMA, startBoss } from './start-boss.ts';

export interface Queue {
  enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: EnqueueOptions,
  ): Promise<string>;
  enqueueAt<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    at: Date,
    options?: EnqueueOptions,
  ): Promise<string>;
  /** Start consuming every job of the catalog in this process. */
  work(context: WorkerContext): Promise<void>;
  /** Queued + active jobs per job name (for the toombos_queue_depth gauge). */
  depth(): Promise<Record<string, number>>;
  ping(): Promise<void>;
  stop(): Promise<void>;
}

export interface EnqueueOptions {
  /**
   * A drizzle transaction: the job is inserted inside it, so it exists iff the transaction commits.
   * Inside a transaction, always pass it: on PGlite (one connection) an enqueue outside it would
   * wait for the transaction to end, forever.
   */
  db?: Db;
  /**
   * At most one job per key and job name is queued or running: enqueueing again while one is
   * returns that job's id instead of adding a second.
   */
  singletonKey?: string;
}

export interface QueueOptions {
  pollIntervalSeconds: number;
  /** Jobs of one job name running at once in this process. */
  concurrency: number;
  log: Logger;
}

const STOP_GRACE_MS = 10_000;
const definitions: JobDefinition[] = Object.values(jobCatalog);

/**
 * The job queue, on pg-boss: in-process on PGlite, or on PostgreSQL shared by every api and worker
 * process. Delivery is at least once; handlers are idempotent (see defineJob).
 */
export async function openQueue(database: Database, options: QueueOptions): Promise<Queue> {
  const boss = await startBoss(database, definitions, options.log);
  const interval = Math.max(0.5, options.pollIntervalSeconds);
  let working = false;
  let waker: DueWaker | null = null;
  /** Every worker (one per lane) of each job name in this process, to wake them at a due time. */
  const workerIds = new Map<string, string[]>();
  return {
    enqueue: (name, payload, { db, singletonKey } = {}) =>
      sendJob(boss, jobCatalog[name], payload, { db, singletonKey }),
    async enqueueAt(name, payload, at, { db, singletonKey } = {}) {
      const id = await sendJob(boss, jobCatalog[name], payload, {
        db,
        singletonKey,
        startAfter: at,
      });
      waker?.expect(name, at);
      return id;
    },
    async work(context) {
      if (working) throw new Error('queue: work() was already called in this process');
      working = true;
      for (const definition of definitions) {
        const ids: string[] = [];
        // One worker per lane, each with its own id, so the waker can wake every lane.
        for (let lane = 0; lane < (definition.batch?.lanes ?? 1); lane += 1)
          ids.push(
            await boss.work<unknown>(
              definition.name,
              {
                // One fetch claims up to `concurrency` jobs and runs them together; a full batch means
                // more are waiting, so the next fetch follows at once. The price: a slow job holds
                // back the next fetch of its job name until the whole batch is done.
                batchSize: definition.batch?.size ?? options.concurrency,
                burstWhenBatchFull: true,
                perJobResults: true,
                pollingIntervalSeconds: interval,
                // NOTIFY only announces jobs runnable now; delayed and retried jobs are found by
                // polling, so this backstop must stay short (pg-boss defaults it to 30 s).
                notifyPollingIntervalSeconds: interval,
              },
              (jobs) =>
                definition.batch === undefined
                  ? Promise.all(jobs.map((job) => runJob(definition, job, context)))
                  : runJobBatch(definition, jobs, context),
            ),
          );
        workerIds.set(definition.name, ids);
      }
      waker = startDueWaker({
        nextDue: () => nextDueTimes(boss, [...workerIds.keys()]),
        wake: (name) => {
          for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
        },
        log: options.log,
      });
    },
    async depth() {
      const names = definitions.map((definition) => definition.name);
      // Counted live: pg-boss's own queue statistics are refreshed only every minute.
      const { rows } = await boss.getDb().executeSql(
        `select name, count(*)::int as depth from ${PGBOSS_SCHEMA}.job
         where name = any($1::text[]) and state in ('created', 'retry', 'active') group by name`,
        [names],
      );
      const depth: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
      for (const row of rows as { name: string; depth: number }[]) depth[row.name] = row.depth;
      return depth;
    },
    async ping() {
      await boss.getDb().executeSql('select 1');
    },
    async stop() {
      waker?.stop();
      // Running handlers get STOP_GRACE_MS to finish, then their jobs are failed (and so retried
      // elsewhere). pg-boss closes its own pool, never the PGlite instance it was lent.
      await boss.stop({ graceful: true, timeout: STOP_GRACE_MS });
    },
  };
}

/** The earliest future start of a waiting job, per job name (one indexed read). */
async function nextDueTimes(boss: PgBoss, names: string[]): Promise<Map<string, Date>> {
  const { rows } = await boss.getDb().executeSql(
    `select name, min(start_after) as at from ${PGBOSS_SCHEMA}.job
     where name = any($1::text[]) and state in ('created', 'retry') and start_after > now()
     group by name`,
    [names],
  );
  return new Map(
    (rows as Array<{ name: string; at: Date | string }>).map((row) => [row.name, new Date(row.at)]),
  );
}
