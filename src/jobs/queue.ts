import { randomUUID } from 'node:crypto';
import { type SQLWrapper, sql } from 'drizzle-orm';
import {
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  PgBoss,
  type SendOptions,
} from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import { type JobName, type JobPayload, jobCatalog } from './catalog.ts';
import type { JobDefinition } from './define-job.ts';
import { runJob } from './run-job.ts';

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
  work(context: { db: Db; log: Logger }): Promise<void>;
  /** Queued + active jobs per job name (for the toombos_queue_depth gauge). */
  depth(): Promise<Record<string, number>>;
  ping(): Promise<void>;
  stop(): Promise<void>;
}

export interface EnqueueOptions {
  /** A drizzle transaction: the job is inserted inside it, so it exists iff the transaction commits. */
  db?: Db;
  /**
   * At most one job per key and job name is queued or running: enqueueing again while one is
   * returns that job's id instead of adding a second.
   */
  singletonKey?: string;
}

export interface QueueOptions {
  pollIntervalSeconds: number;
  /** Jobs of one job name run at once in this process. */
  concurrency: number;
  log: Logger;
}

const STOP_GRACE_MS = 10_000;
const definitions: JobDefinition[] = Object.values(jobCatalog);

/**
 * The job queue, on pg-boss in its own `pgboss` schema (it installs and migrates itself on start):
 * in-process on PGlite, or on PostgreSQL shared by every api and worker process.
 */
export async function openQueue(database: Database, options: QueueOptions): Promise<Queue> {
  const { log, concurrency } = options;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', useListenNotify: true })
      : new PgBoss({
          connectionString: database.connectionString,
          application_name: 'toombos-queue',
          useListenNotify: true,
        });
  boss.on('error', (error) => log.error({ err: error }, 'queue: pg-boss error'));
  boss.on('warning', (warning) => log.warn({ data: warning.data }, `queue: ${warning.message}`));
  await boss.start();
  for (const { name, retry } of definitions) {
    // Every queue is `exclusive` so that singletonKey means "one queued or running job per key";
    // jobs without a key get a unique one (their id). A policy cannot change after creation.
    const settings = {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      // Wakes idle workers at once on a new runnable job; polling remains the floor.
      notify: true,
    };
    await boss.createQueue(name, { policy: 'exclusive', ...settings });
    // createQueue leaves an existing queue untouched; this applies a changed retry policy.
    await boss.updateQueue(name, settings);
  }

  async function insert(
    name: JobName,
    payload: object,
    at: Date | null,
    options: EnqueueOptions = {},
  ) {
    const parsed = jobCatalog[name].schema.safeParse(payload);
    if (!parsed.success) {
      // Our own code built this payload: a bug, not bad user input.
      throw new AppError('internal', `Invalid payload for job ${name}`, {
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: issue.message,
        })),
      });
    }
    const db =
      options.db === undefined ? undefined : fromDrizzle(asDrizzleTransaction(options.db), sql);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const id = randomUUID();
      const send: SendOptions = { id, singletonKey: options.singletonKey ?? id };
      if (at !== null) send.startAfter = at;
      if (db !== undefined) send.db = db;
      // The validated input is stored as given; the worker parses it again with the same schema.
      const created = await boss.send(name, payload, send);
      if (created !== null) return created;
      // Refused: a job with this key is queued or running. It may finish meanwhile, hence the loop.
      const jobs = await boss.findJobs(name, {
        key: send.singletonKey ?? id,
        ...(db ? { db } : {}),
      });
      const holder = jobs.find((job) => ['created', 'retry', 'active'].includes(job.state));
      if (holder !== undefined) return holder.id;
    }
    throw new AppError(
      'conflict',
      `Could not enqueue ${name}: key ${options.singletonKey} is contended`,
    );
  }

  let working = false;
  return {
    enqueue: (name, payload, enqueueOptions) => insert(name, payload, null, enqueueOptions),
    enqueueAt: (name, payload, at, enqueueOptions) => insert(name, payload, at, enqueueOptions),
    async work(context) {
      if (working) throw new Error('queue: work() was already called in this process');
      working = true;
      for (const definition of definitions) {
        const interval = Math.max(0.5, options.pollIntervalSeconds);
        await boss.work<unknown>(
          definition.name,
          {
            // One fetch claims up to `concurrency` jobs and runs them together; a full batch means
            // more are waiting, so the next fetch follows at once.
            batchSize: concurrency,
            burstWhenBatchFull: true,
            perJobResults: true,
            pollingIntervalSeconds: interval,
            // NOTIFY only announces jobs runnable now; delayed and retried jobs are found by polling,
            // so the backstop must stay short (pg-boss defaults it to 30 s).
            notifyPollingIntervalSeconds: interval,
          },
          (jobs) => Promise.all(jobs.map((job) => runJob(definition, job, context))),
        );
      }
    },
    async depth() {
      const names = definitions.map((definition) => definition.name);
      const { rows } = await boss.getDb().executeSql(
        `select name, count(*)::int as depth from pgboss.job
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
      // Graceful: running handlers get STOP_GRACE_MS to finish, then their jobs are failed (and so
      // retried elsewhere). pg-boss closes its own pool, never the PGlite instance it was lent.
      await boss.stop({ graceful: true, timeout: STOP_GRACE_MS });
    },
  };
}

/**
 * Our `Db` is typed over any driver, so its `execute` result is `unknown`; both drivers we open
 * (node-postgres, PGlite) resolve to `{ rows }`, which is what pg-boss's adapter reads. The query
 * pg-boss passes is the `sql` template we handed it.
 */
function asDrizzleTransaction(db: Db): DrizzleTransactionLike {
  return {
    execute: async (query) => (await db.execute(query as SQLWrapper)) as { rows: unknown[] },
  };
}
