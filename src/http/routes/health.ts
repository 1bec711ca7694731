import { z } from 'zod';
import { latestHeartbeat } from '../../db/queries/workers.ts';
import { describeError } from '../../lib/query-errors.ts';
import type { App } from '../fastify-types.ts';

const HEARTBEAT_MAX_AGE_MS = 30_000;
const CHECK_TIMEOUT_MS = 2_000;

const checkSchema = z.object({ ok: z.boolean(), detail: z.string() });
const readySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  failing: z.array(z.string()),
  checks: z.object({ database: checkSchema, queue: checkSchema, worker: checkSchema }),
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
        check(async () => {
          const latest = await latestHeartbeat(database.db);
          if (!latest) throw new Error('no worker has ever sent a heartbeat');
          const age = Date.now() - latest.getTime();
          if (age > HEARTBEAT_MAX_AGE_MS)
            throw new Error(`last worker heartbeat ${Math.round(age / 1000)} s ago`);
          return `last worker heartbeat ${Math.round(age / 1000)} s ago`;
        }),
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
