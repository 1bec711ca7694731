import { count, eq, gte, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { workers } from '../schema.ts';

// `workers` is a system table (no tenant data), so these queries take no workspace id.

export interface WorkerIdentity {
  id: string;
  hostname: string;
  pid: number;
}

/** Records a heartbeat at the database's clock, so workers on skewed hosts compare fairly. */
export async function upsertWorkerHeartbeat(db: Db, worker: WorkerIdentity): Promise<void> {
  await db
    .insert(workers)
    .values({ id: worker.id, hostname: worker.hostname, pid: worker.pid })
    .onConflictDoUpdate({ target: workers.id, set: { heartbeatAt: sql`now()` } });
}

export async function deleteWorker(db: Db, id: string): Promise<void> {
  await db.delete(workers).where(eq(workers.id, id));
}

/** Forgets workers silent since `before` (crashed processes never delete their row). */
export async function pruneWorkers(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(workers)
    .where(lt(workers.heartbeatAt, before))
    .returning({ id: workers.id });
  return deleted.length;
}

/** The freshest heartbeat of any worker, or null when no worker has ever reported. */
export async function latestHeartbeat(db: Db): Promise<Date | null> {
  const [row] = await db.select({ latest: max(workers.heartbeatAt) }).from(workers);
  return row?.latest ?? null;
}

export async function countLiveWorkers(db: Db, since: Date): Promise<number> {
  const [row] = await db
    .select({ live: count() })
    .from(workers)
    .where(gte(workers.heartbeatAt, since));
  return row?.live ?? 0;
}
