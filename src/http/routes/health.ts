import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { readWorkerHeartbeats, type WorkerHeartbeats } from '../../db/queries/workers.ts';
import { describeError } from '../../lib/query-errors.ts';
import type { App } from '../fastify-types.ts';

const HEARTBEAT_MAX_AGE_MS = 30_000;
const CHECK_TIMEOUT_MS = 2_000;

const checkSchema = z.object({ ok: z.boolean(), detail: z.string() });
/** The worker check also says, as data, what its detail says in words (null when unread). */
const workerCheckSchema = checkSchema.extend({
  workers: z
    .number()
    .int()
    .nullable()
    .describe('Workers whose last heartbeat is at most 30 s old; null when it could not be read.'),
  lastHeartbeatAt: z.iso
    .datetime()
    .nullable()
    .describe(
      'The freshest worker heartbeat; null when none was ever sent (or it could not be read).',
    ),
});
const readySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  failing: z.array(z.string()),
  checks: z.object({ database: checkSchema, queue: checkSchema, worker: workerCheckSchema }),
});

async function check(run: () => Promise<string>): Promise<{ ok: boolean; detail: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return { ok: true, detail: await Promise.race([run(), timeout]) };
  } catch (error) {
    return { ok: false, detail: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * At least one worker heartbeat at most 30 s old, by the database's clock (which wrote them: host
 * clocks may differ). Besides the verdict in words, the count of live workers and the freshest
 * heartbeat, as data.
 */
async function checkWorkers(db: Db): Promise<z.infer<typeof workerCheckSchema>> {
  const seen: { heartbeats?: WorkerHeartbeats } = {};
  const result = await check(async () => {
    const heartbeats = await readWorkerHeartbeats(db, HEARTBEAT_MAX_AGE_MS);
    seen.heartbeats = heartbeats;
    if (heartbeats.ageMs === null) throw new Error('no worker has ever sent a heartbeat');
    const said = `last worker heartbeat ${Math.max(0, Math.round(heartbeats.ageMs / 1000))} s ago`;
    if (heartbeats.ageMs > HEARTBEAT_MAX_AGE_MS) throw new Error(said);
    return said;
  });
  return {
    ...result,
    workers: seen.heartbeats?.alive ?? null,
    lastHeartbeatAt: seen.heartbeats?.latest?.toISOString() ?? null,
  };
}

export function healthRoutes(app: App): void {
  const { database, queue } = app.deps;

  app.get('/health/live', {
    schema: {
      tags: ['ops'],
      summary: 'The process is up',
      response: { 200: z.object({ status: z.literal('live') }) },
    },
    handler: async () => ({ status: 'live' as const }),
  });

  app.get('/health/ready', {
    schema: {
      tags: ['ops'],
      summary:
        'Database, queue and a worker heartbeat younger than 30 s; 503 names each failing check',
      response: { 200: readySchema, 503: readySchema },
    },
    handler: async (_request, reply) => {
      const [databaseCheck, queueCheck, workerCheck] = await Promise.all([
        check(async () => {
          await database.ping();
          return `${database.kind} answers`;
        }),
        check(async () => {
          await queue.ping();
          return 'queue answers';
        }),
        checkWorkers(database.db),
      ]);
      const checks = { database: databaseCheck, queue: queueCheck, worker: workerCheck };
      const failing = Object.entries(checks)
        .filter(([, result]) => !result.ok)
        .map(([name]) => name);
      const status = failing.length === 0 ? ('ready' as const) : ('unavailable' as const);
      return reply.code(failing.length === 0 ? 200 : 503).send({ status, failing, checks });
    },
  });

  app.get('/metrics', {
    schema: { tags: ['ops'], summary: 'Prometheus metrics (text exposition format)', hide: true },
    handler: async (_request, reply) => {
      const { registry } = app.metrics;
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  });
}
