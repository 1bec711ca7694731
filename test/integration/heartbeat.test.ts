import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { countLiveWorkers, latestHeartbeat } from '../../src/db/queries/workers.ts';
import { workers } from '../../src/db/schema.ts';
import { startHeartbeat } from '../../src/jobs/heartbeat.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const log = pino({ level: 'silent' });

async function heartbeatOf(db: Db, workerId: string): Promise<Date | undefined> {
  const [row] = await db.select().from(workers).where(eq(workers.id, workerId));
  return row?.heartbeatAt;
}

describe.each(databaseKinds)('worker heartbeat on %s', (kind) => {
  let testDatabase: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    testDatabase = await openTestDatabase(kind);
    db = testDatabase.database.db;
  });

  afterAll(async () => {
    await testDatabase?.close();
  });

  it('records a row at start, refreshes it, and deletes it on stop', async () => {
    const startedAt = new Date(Date.now() - 1_000);
    const heartbeat = await startHeartbeat(db, { intervalMs: 100, log });
    try {
      const first = await heartbeatOf(db, heartbeat.workerId);
      expect(first).toBeInstanceOf(Date);
      expect(await countLiveWorkers(db, startedAt)).toBeGreaterThanOrEqual(1);
      const latest = await latestHeartbeat(db);
      expect(latest?.getTime()).toBeGreaterThanOrEqual(
        first?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      await waitUntil(
        async () =>
          ((await heartbeatOf(db, heartbeat.workerId))?.getTime() ?? 0) > (first?.getTime() ?? 0),
        {
          what: 'a fresher heartbeat',
        },
      );
    } finally {
      await heartbeat.stop();
    }
    expect(await heartbeatOf(db, heartbeat.workerId)).toBeUndefined();
  });

  it('logs instead of throwing while the database is unreachable', async () => {
    const other = await openTestDatabase(kind);
    const errors: unknown[] = [];
    const spy = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
    await other.close();
    // Every query on a closed database fails, as it would during an outage.
    const heartbeat = await startHeartbeat(other.database.db, { intervalMs: 50, log: spy });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(heartbeat.stop()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});
