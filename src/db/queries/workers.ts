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

export interface WorkerHeartbeats {
  /** Workers whose heartbeat is at most `maxAgeMs` old. */
  alive: number;
  /** The freshest heartbeat of any worker; null when none ever reported. */
  latest: Date | null;
  /** Its age in milliseconds; null when none ever reported. */
  ageMs: number | null;
}

/**
 * The deployment's workers as `/health/ready` reports them, at the database's clock (the one
 * heartbeats are written with): how many beat within `maxAgeMs`, the freshest beat, and its age.
 */
export async function readWorkerHeartbeats(db: Db, maxAgeMs: number): Promise<WorkerHeartbeats> {
  const [row] = await db
    .select({
      alive: sql<number>`count(*) filter (where ${workers.heartbeatAt} >= now() - make_interval(secs => ${maxAgeMs / 1000}::float8))::int`,
      latest: max(workers.heartbeatAt),
      ageMs: sql<
        number | null
      >`(extract(epoch from now() - max(${workers.heartbeatAt})) * 1000)::float8`,
    })
    .from(workers);
  return {
    alive: Number(row?.alive ?? 0),
    latest: row?.latest ?? null,
    ageMs: row?.ageMs == null ? null : Number(row.ageMs),
  };
}

export async function countLiveWorkers(db: Db, since: Date): Promise<number> {
  const [row] = await db
    .select({ live: count() })
    .from(workers)
    .where(gte(workers.heartbeatAt, since));
  return row?.live ?? 0;
}
