import type { Logger } from 'pino';
import { type Config, deliveryPolicy, outboundPolicy, publicUrl, redactConfig } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { type EventBus, openEventBus } from './events/bus.ts';
import type { App } from './http/fastify-types.ts';
import { createRateLimiter } from './http/rate-limiter.ts';
import { buildServer } from './http/server.ts';
import { startApprovalClockTicker } from './jobs/approval-clock-ticker.ts';
import { startDeliveryReconciler } from './jobs/delivery-reconciler.ts';
import { startHeartbeat } from './jobs/heartbeat.ts';
import { startHousekeeping } from './jobs/housekeeping.ts';
import { openQueue, type Queue } from './jobs/queue.ts';
import { startSourceScheduler } from './jobs/source-scheduler.ts';
import { startWebhookDispatcher } from './jobs/webhook-dispatcher.ts';
import { workerContext } from './jobs/worker-context.ts';
import { createLogger } from './lib/logger.ts';
import { loadSecretKey } from './secret-key.ts';
import { addDemoSource } from './services/sources/add-demo-source.ts';
import { bootstrapWorkspace } from './services/workspaces/bootstrap-workspace.ts';

/**
 * The composition root: every dependency is built here, by hand, and handed down. `api` serves
 * HTTP, `worker` runs jobs; `start` is both in one process (the embedded default).
 */
export interface Roles {
  api: boolean;
  worker: boolean;
}

export interface RunningProcess {
  database: Database;
  queue: Queue;
  bus: EventBus;
  app: App | null;
  url: string | null;
  log: Logger;
  stop(): Promise<void>;
}

export async function openDatabaseMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    await migrateDatabase(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function startProcess(
  config: Config,
  roles: Roles,
  log = createLogger(config.LOG_LEVEL),
): Promise<RunningProcess> {
  log.debug({ config: redactConfig(config), roles }, 'starting');
  const database = await openDatabaseMigrated(config);
  const stops: Array<() => Promise<void>> = [() => database.close()];
  const stop = async () => {
    for (const step of stops.reverse())
      await step().catch((error: unknown) => log.error({ err: error }, 'shutdown step failed'));
    stops.length = 0;
  };
  try {
    const queue = await openQueue(database, {
      pollIntervalSeconds: config.QUEUE_POLL_INTERVAL_SECONDS,
      concurrency: config.WORKER_CONCURRENCY,
      log,
    });
    stops.push(() => queue.stop());
    const bus = await openEventBus(database, log);
    stops.push(() => bus.close());

    const secretKey = loadSecretKey(config);
    if (roles.worker) {
      await queue.work(workerContext(config, { db: database.db, log, queue, secretKey }));
      // Every committed event, from any process, reaches this process's bus; at debug level the
      // worker says so (an operator's way to watch the event flow).
      const unsubscribe = bus.subscribe((event) =>
        log.debug(
          { eventId: event.id, type: event.type, workspaceId: event.workspaceId },
          'event received',
        ),
      );
      stops.push(async () => unsubscribe());
      const heartbeat = await startHeartbeat(database.db, {
        intervalMs: config.HEARTBEAT_INTERVAL_MS,
        log,
      });
      stops.push(() => heartbeat.stop());
      const housekeeping = startHousekeeping(database.db, { log });
      stops.push(async () => housekeeping.stop());
      const scheduler = startSourceScheduler(database.db, queue, {
        log,
        tickMs: config.SCHEDULER_TICK_MS,
      });
      stops.push(async () => scheduler.stop());
      const reconciler = startDeliveryReconciler(database.db, queue, {
        log,
        tickMs: config.RECONCILER_TICK_MS,
        graceMs: Math.max(config.RECONCILER_TICK_MS, 2_000),
        staleSendingMs: deliveryPolicy(config).staleSendingMs,
      });
      stops.push(async () => reconciler.stop());
      const approvalClock = startApprovalClockTicker(queue, {
        log,
        tickMs: config.APPROVAL_CLOCK_TICK_MS,
      });
      stops.push(async () => approvalClock.stop());
      const webhooks = startWebhookDispatcher(database.db, queue, bus, {
        log,
        tickMs: config.WEBHOOK_DISPATCH_TICK_MS,
        graceMs: Math.max(config.WEBHOOK_DISPATCH_TICK_MS, 2_000),
      });
      stops.push(async () => webhooks.stop());
    }

    let app: App | null = null;
    let url: string | null = null;
    if (roles.api) {
      app = await buildServer({
        config,
        database,
        queue,
        bus,
        rateLimiter: createRateLimiter(database),
        secretKey,
        log,
      });
      const server = app;
      stops.push(() => server.close());
      await app.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      url = publicUrl({ ...config, PORT: port });
    }
    return { database, queue, bus, app, url, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** First start on an empty database prints the one-time secrets; later starts print the URL only. */
export async function announceStart(
  running: RunningProcess,
  config: Config,
  write: (line: string) => void,
): Promise<void> {
  if (!running.url) return;
  const created = await bootstrapWorkspace(running.database.db, { ownerEmail: 'owner@localhost' });
  write(`Toombos is running at ${running.url}  (API docs: ${running.url}/docs)`);
  if (created) {
    write('');
    write('A new workspace was created. These are shown ONCE; keep them somewhere safe:');
    write(`  Owner setup link (valid 7 days): ${running.url}/setup#token=${created.setupToken}`);
    write(`  Admin API key:                   ${created.adminKey}`);
    write('');
    write(
      `  Try it: curl -H "Authorization: Bearer ${created.adminKey}" ${running.url}/v1/workspace`,
    );
  }
  // After the secrets are printed: a failure here must not lose them.
  if (created && config.DEMO_SOURCE) {
    try {
      const demo = await addDemoSource(
        {
          db: running.database.db,
          workspaceId: created.workspaceId,
          actor: { kind: 'system', name: 'bootstrap' },
        },
        { outbound: outboundPolicy(config) },
      );
      write(`  Added the demo source "${demo.name}" (DEMO_SOURCE=false skips it).`);
    } catch (error) {
      running.log.warn({ err: error }, 'could not add the demo source');
    }
  }
}
