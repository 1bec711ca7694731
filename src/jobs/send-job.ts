import { randomUUID } from 'node:crypto';
import { type SQLWrapper, sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type PgBoss, type SendOptions } from 'pg-boss';
import type { Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import type { JobDefinition } from './define-job.ts';

export interface SendJobOptions {
  db?: Db | undefined;
  singletonKey?: string | undefined;
  startAfter?: Date | undefined;
}

const PENDING_STATES = ['created', 'retry', 'active'];

/**
 * Validates and inserts one job; returns its id. Queues are `exclusive`, so a job without a
 * singletonKey gets its own id as key (never conflicts), and one whose key is taken by a queued or
 * running job yields that job's id instead of a second job.
 */
export async function sendJob(
  boss: PgBoss,
  definition: JobDefinition,
  payload: object,
  options: SendJobOptions,
): Promise<string> {
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) {
    // Our own code built this payload (routes validate user input first): a bug, not a 400.
    throw new AppError('internal', `Invalid payload for job ${definition.name}`, {
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
    const key = options.singletonKey ?? id;
    const send: SendOptions = { id, singletonKey: key };
    if (options.startAfter !== undefined) send.startAfter = options.startAfter;
    if (db !== undefined) send.db = db;
    // The validated input is stored as given; the worker parses it again with the same schema.
    const created = await boss.send(definition.name, payload, send);
    if (created !== null) return created;
    // Refused: the key is held. The holder may settle before we look, hence the loop.
    const jobs = await boss.findJobs(definition.name, { key, ...(db ? { db } : {}) });
    const holder = jobs.find((job) => PENDING_STATES.includes(job.state));
    if (holder !== undefined) return holder.id;
  }
  throw new AppError('conflict', `Could not enqueue ${definition.name}: its key is contended`);
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
