import { fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { JobDefinition } from './define-job.ts';

/** pg-boss keeps its tables here and installs / migrates them itself on start. */
export const PGBOSS_SCHEMA = 'pgboss';

/**
 * Starts pg-boss on our database (in-process on PGlite, its own pool on PostgreSQL) and makes sure
 * a queue exists for every job definition, with the definition's retry policy.
 */
export async function startBoss(
  database: Database,
  definitions: JobDefinition[],
  log: Logger,
): Promise<PgBoss> {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({
          db: fromPglite(database.pglite),
          backend: 'pglite',
          schema: PGBOSS_SCHEMA,
          useListenNotify: true,
        })
      : new PgBoss({
          connectionString: database.connectionString,
          schema: PGBOSS_SCHEMA,
          application_name: 'toombos-queue',
          useListenNotify: true,
        });
  // Without an `error` listener an EventEmitter throws, and pg-boss reports background failures
  // (a lost connection during maintenance, a failed poll) this way.
  boss.on('error', (error) => log.error({ err: error }, 'queue: pg-boss error'));
  boss.on('warning', (warning) => log.warn({ data: warning.data }, `queue: ${warning.message}`));
  await boss.start();
  for (const { name, retry } of definitions) {
    const settings = {
      retryLimit: retry.limit,
      retryDelay: retry.delaySeconds,
      retryBackoff: retry.backoff,
      // Wakes idle workers at once on a new runnable job; polling remains the floor.
      notify: true,
    };
    // `exclusive`: at most one queued-or-running job per singletonKey (see sendJob). A queue's
    // policy cannot change after creation.
    await boss.createQueue(name, { policy: 'exclusive', ...settings });
    // createQueue leaves an existing queue as it was; this applies a changed retry policy.
    await boss.updateQueue(name, settings);
  }
  return boss;
}
