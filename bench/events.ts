// Event fan-out: 100 WebSocket clients of `/v1/events/stream` on one api process (in this process,
// on loopback), N events appended in small transactions as fast as the database takes them.
// Reports events/s delivered to all clients (messages received ÷ time from the first append to
// the last receipt) and p50/p99 of the delay from the append call to each client's receipt.
// Clients, appender and server share this process (and its CPU): figures are pessimistic.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { appendEvents } from '../src/events/append-event.ts';
import { openEventBus } from '../src/events/bus.ts';
import { createRateLimiter } from '../src/http/rate-limiter.ts';
import { buildServer } from '../src/http/server.ts';
import { openQueue } from '../src/jobs/queue.ts';
import { createLogger } from '../src/lib/logger.ts';
import { createWorkspaceWithOwner } from '../src/services/workspaces/bootstrap-workspace.ts';
import { percentile } from './percentile.ts';

const CLIENTS = 100;
const BATCH = 10;

async function runOnce(label: string, databaseUrl: string | undefined, count: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'toombos-bench-events-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // Every client must keep up with the whole run: a generous cap, as a fast consumer would need.
    EVENTS_STREAM_MAX_BUFFER_BYTES: String(64 * 1024 * 1024),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, TOOMBOS_SECRET_KEY: 'ab'.repeat(32) } : {}),
  });
  const log = createLogger('silent');
  const database = await openDatabase({
    databaseUrl,
    dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const sockets: WebSocket[] = [];
  try {
    await migrateDatabase(database);
    const queue = await openQueue(database, { pollIntervalSeconds: 60, concurrency: 1, log });
    const bus = await openEventBus(database, log);
    const app = await buildServer({
      config,
      database,
      queue,
      bus,
      rateLimiter: createRateLimiter(database),
      secretKey: randomBytes(32),
      log,
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('not listening');
      const { workspaceId, adminKey } = await createWorkspaceWithOwner(database.db, {
        name: 'Bench',
        slug: `bench-${randomUUID()}`,
        ownerEmail: `bench-${randomUUID()}@example.test`,
      });
      const delays: number[] = [];
      let received = 0;
      let lastReceipt = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          const socket = new WebSocket(`ws://127.0.0.1:${address.port}/v1/events/stream`, {
            headers: { authorization: `Bearer ${adminKey}` },
          });
          sockets.push(socket);
          await new Promise<void>((resolve, reject) => {
            socket.on('message', (data) => {
              const message = JSON.parse(String(data));
              if (message.kind === 'caught_up') resolve();
              if (message.kind !== 'event') return;
              const now = performance.timeOrigin + performance.now();
              delays.push(now - Number(message.event.data.sentAt));
              received += 1;
              lastReceipt = now;
            });
            socket.once('error', reject);
            socket.once('close', (code) => reject(new Error(`stream closed: ${code}`)));
          });
        }),
      );
      const started = performance.timeOrigin + performance.now();
      for (let offset = 0; offset < count; offset += BATCH) {
        const sentAt = performance.timeOrigin + performance.now();
        await appendEvents(
          database.db,
          Array.from({ length: Math.min(BATCH, count - offset) }, (_, index) => ({
            workspaceId,
            type: 'system.pong' as const,
            data: { nonce: String(offset + index), jobId: null, workerPid: process.pid, sentAt },
          })),
        );
      }
      const appendedIn = performance.timeOrigin + performance.now() - started;
      const expected = count * CLIENTS;
      const deadline = Date.now() + 120_000;
      while (received < expected && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      if (received < expected)
        throw new Error(`bench: ${received} of ${expected} messages arrived in time`);
      return {
        label,
        appendedPerSecond: count / (appendedIn / 1000),
        fanOutPerSecond: expected / ((lastReceipt - started) / 1000),
        p50: percentile(delays, 50),
        p99: percentile(delays, 99),
      };
    } finally {
      for (const socket of sockets) socket.terminate();
      await app.close();
      await bus.close();
      await queue.stop();
    }
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchEvents(
  write: (line: string) => void,
  { count, postgresUrl }: { count: number; postgresUrl: string | undefined },
): Promise<void> {
  const targets: Array<[string, string | undefined]> = [['pglite', undefined]];
  if (postgresUrl) targets.push(['postgres', postgresUrl]);
  else write('event fan-out on postgres: skipped (set BENCH_DATABASE_URL to run it)');
  for (const [label, url] of targets) {
    const result = await runOnce(label, url, count);
    write(
      `event fan-out on ${result.label}: ${count} events (appended in transactions of ${BATCH}, ` +
        `${result.appendedPerSecond.toFixed(0)} events/s) to ${CLIENTS} WebSocket clients: ` +
        `${result.fanOutPerSecond.toFixed(0)} messages/s delivered; delay append→receipt ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
    );
  }
}
