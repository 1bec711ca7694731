import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.ts';
import { type EventBus, openEventBus } from '../../src/events/bus.ts';
import type { App } from '../../src/http/fastify-types.ts';
import { createRateLimiter } from '../../src/http/rate-limiter.ts';
import { buildServer } from '../../src/http/server.ts';
import { openQueue, type Queue } from '../../src/jobs/queue.ts';
import { workerContext } from '../../src/jobs/worker-context.ts';
import { createLogger } from '../../src/lib/logger.ts';
import {
  createWorkspaceWithOwner,
  type NewWorkspaceSecrets,
} from '../../src/services/workspaces/bootstrap-workspace.ts';
import { type DatabaseKind, openTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp extends TestDatabase {
  app: App;
  queue: Queue;
  bus: EventBus;
  /** A fresh workspace with an owner (pending setup) and an admin key; every test makes its own. */
  createWorkspace(): Promise<NewWorkspaceSecrets>;
  /** The key secrets are encrypted with in this app. */
  secretKey: Buffer;
  /** Starts consuming jobs (delivery steps included) in this process, configured like the app. */
  work(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server on a real database, driven through `app.inject` (no port). `sameDatabaseAs` puts
 * a second app (a second api process) on another app's database; close it first.
 */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  { sameDatabaseAs }: { sameDatabaseAs?: TestApp } = {},
): Promise<TestApp> {
  const testDatabase = await openTestDatabase(
    kind,
    sameDatabaseAs === undefined ? {} : { sameAs: sameDatabaseAs },
  );
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const log = createLogger(config.LOG_LEVEL);
  const { database } = testDatabase;
  const queue = await openQueue(database, { pollIntervalSeconds: 1, concurrency: 2, log });
  const bus = await openEventBus(database, log);
  const secretKey = randomBytes(32);
  const app = await buildServer({
    config,
    database,
    queue,
    bus,
    rateLimiter: createRateLimiter(database),
    secretKey,
    log,
  });
  await app.ready();
  return {
    ...testDatabase,
    app,
    queue,
    bus,
    secretKey,
    work: () => queue.work(workerContext(config, { db: database.db, log, queue, secretKey })),
    createWorkspace: () =>
      createWorkspaceWithOwner(database.db, {
        name: 'Test workspace',
        slug: `test-${randomUUID()}`,
        ownerEmail: `owner-${randomUUID()}@example.test`,
      }),
    async close() {
      await app.close();
      await bus.close();
      await queue.stop();
      await testDatabase.close();
    },
  };
}

export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
