// Publishing throughput and schedule lag: N sandbox deliveries (one per campaign) all due at the
// same second, one worker process (this one) with the shipping settings. Reports p50/p99 of the
// delay between each delivery's due time and its `sending` mark (goal p99 < 1 s), and deliveries
// per second from the first `sending` to the last `sent` (goal ≥ 1,000/s). Baseline, same
// process, same database and queue: N `system.ping` jobs due at one second (the queue's floor plus
// one event insert each).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { deliveries } from '../src/db/publishing-schema.ts';
import { ensureSandboxConnection } from '../src/db/queries/connections.ts';
import { campaigns, drafts } from '../src/db/schema.ts';
import { openQueue, type Queue } from '../src/jobs/queue.ts';
import { PGBOSS_SCHEMA } from '../src/jobs/start-boss.ts';
import { workerContext } from '../src/jobs/worker-context.ts';
import { createLogger } from '../src/lib/logger.ts';
import { createWorkspaceWithOwner } from '../src/services/workspaces/bootstrap-workspace.ts';
import { percentile } from './percentile.ts';

const GOAL_P99_LAG_MS = 1_000;
const GOAL_PER_SECOND = 1_000;
const LEAD_MS = 4_000;

export interface DeliveryBenchResult {
  database: string;
  count: number;
  lagP50Ms: number;
  lagP99Ms: number;
  perSecond: number;
  baselinePerSecond: number;
}

async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function seed(database: Database, workspaceId: string, count: number, dueAt: Date) {
  const { db } = database;
  const connection = await ensureSandboxConnection(db, { workspaceId, channel: 'x' });
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += 500) {
    const size = Math.min(500, count - offset);
    const campaignRows = Array.from({ length: size }, (_, index) => ({
      id: randomUUID(),
      workspaceId,
      name: `Bench ${offset + index}`,
      itemKeys: [],
      channels: ['x'],
      tone: 'professional',
      template: 'modern',
      socialMode: 'lead',
      state: 'scheduled' as const,
      createdBy: 'system:bench',
      scheduledAt: dueAt,
      scheduleZone: 'UTC',
    }));
    await db.insert(campaigns).values(campaignRows);
    const draftRows = campaignRows.map((campaign) => {
      const text = `${campaign.name}: calmer evenings start with longer exhales.`;
      return {
        id: randomUUID(),
        workspaceId,
        campaignId: campaign.id,
        channel: 'x',
        target: 'x',
        version: 1,
        content: {
          channel: 'x',
          posts: [{ text, length: text.length }],
          link: null,
          hashtags: [],
          itemKeys: [],
        },
        issues: [],
        quality: {},
      };
    });
    await db.insert(drafts).values(draftRows);
    const deliveryRows = draftRows.map((draft) => {
      const id = randomUUID();
      ids.push(id);
      return {
        id,
        workspaceId,
        campaignId: draft.campaignId,
        draftId: draft.id,
        connectionId: connection.id,
        channel: 'x',
        state: 'scheduled' as const,
        dueAt,
        idempotencyKey: `toombos-${id}`,
      };
    });
    await db.insert(deliveries).values(deliveryRows);
  }
  return ids;
}

async function runOnce(
  label: string,
  databaseUrl: string | undefined,
  count: number,
): Promise<DeliveryBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'toombos-bench-deliveries-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, TOOMBOS_SECRET_KEY: 'ab'.repeat(32) } : {}),
  });
  const log = createLogger('silent');
  const database = await openDatabase({
    databaseUrl,
    dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  let queue: Queue | undefined;
  try {
    await migrateDatabase(database);
    const { db } = database;
    const { workspaceId } = await createWorkspaceWithOwner(db, {
      name: 'Bench',
      slug: `bench-${randomUUID()}`,
      ownerEmail: `bench-${randomUUID()}@example.test`,
    });
    queue = await openQueue(database, {
      pollIntervalSeconds: config.QUEUE_POLL_INTERVAL_SECONDS,
      concurrency: config.WORKER_CONCURRENCY,
      log,
    });
    await queue.work(workerContext(config, { db, log, queue, secretKey: randomBytes(32) }));

    // Baseline: pings due at one second.
    const pingAt = new Date(Date.now() + LEAD_MS);
    for (let index = 0; index < count; index += 1)
      await queue.enqueueAt('system.ping', { workspaceId, nonce: `bench-${index}` }, pingAt);
    const completed = async () => {
      // Both drivers answer `{ rows }` (see jobs/send-job.ts).
      const { rows } = (await db.execute(
        sql.raw(`select count(*)::int as done, min(started_on) as first, max(completed_on) as last
                 from ${PGBOSS_SCHEMA}.job where name = 'system.ping' and state = 'completed'
                 and data->>'workspaceId' = '${workspaceId}'`),
      )) as { rows: Array<{ done: number; first: string | null; last: string | null }> };
      return rows[0];
    };
    await until(async () => (await completed())?.done === count, 300_000, 'the baseline pings');
    const pings = await completed();
    const baselineSeconds =
      (new Date(pings?.last ?? 0).getTime() - new Date(pings?.first ?? 0).getTime()) / 1000;

    const dueAt = new Date(Date.now() + LEAD_MS);
    const ids = await seed(database, workspaceId, count, dueAt);
    for (const deliveryId of ids)
      await queue.enqueueAt('delivery.send', { workspaceId, deliveryId }, dueAt);
    if (Date.now() > dueAt.getTime())
      process.stdout.write(
        `  (${label}: seeding took longer than the ${LEAD_MS} ms lead; lag is overstated)\n`,
      );
    const sent = async () => {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.state, 'sent')));
      return row?.count ?? 0;
    };
    await until(async () => (await sent()) === count, 600_000, 'every delivery to be sent');
    const rows = await db
      .select({
        dueAt: deliveries.dueAt,
        sendingAt: deliveries.sendingAt,
        updatedAt: deliveries.updatedAt,
      })
      .from(deliveries)
      .where(eq(deliveries.workspaceId, workspaceId));
    const lags = rows.map((row) => (row.sendingAt?.getTime() ?? 0) - row.dueAt.getTime());
    const first = Math.min(
      ...rows.map((row) => row.sendingAt?.getTime() ?? Number.POSITIVE_INFINITY),
    );
    const last = Math.max(...rows.map((row) => row.updatedAt.getTime()));
    return {
      database: label,
      count,
      lagP50Ms: percentile(lags, 50),
      lagP99Ms: percentile(lags, 99),
      perSecond: count / Math.max(0.001, (last - first) / 1000),
      baselinePerSecond: count / Math.max(0.001, baselineSeconds),
    };
  } finally {
    await queue?.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDeliveries(
  write: (line: string) => void,
  { count, postgresUrl }: { count: number; postgresUrl: string | undefined },
): Promise<void> {
  const targets: Array<[string, string | undefined]> = [['pglite', undefined]];
  if (postgresUrl) targets.push(['postgres', postgresUrl]);
  else write('deliveries on postgres: skipped (set BENCH_DATABASE_URL to run it)');
  for (const [label, url] of targets) {
    const result = await runOnce(label, url, count);
    write(
      `deliveries on ${label}: ${count} sandbox deliveries due at one second, one worker: ` +
        `lag due→sending p50 ${result.lagP50Ms.toFixed(0)} ms, p99 ${result.lagP99Ms.toFixed(0)} ms ` +
        `(goal p99 < ${GOAL_P99_LAG_MS} ms: ${result.lagP99Ms < GOAL_P99_LAG_MS ? 'MET' : 'NOT MET'}); ` +
        `${result.perSecond.toFixed(0)} deliveries/s (goal ≥ ${GOAL_PER_SECOND}: ${result.perSecond >= GOAL_PER_SECOND ? 'MET' : 'NOT MET'}); ` +
        `baseline no-op ping jobs ${result.baselinePerSecond.toFixed(0)}/s, ratio deliveries/baseline ${(result.perSecond / result.baselinePerSecond).toFixed(2)}`,
    );
  }
}
