import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { deleteWorker, pruneWorkers, upsertWorkerHeartbeat } from '../db/queries/workers.ts';

export interface Heartbeat {
  workerId: string;
  stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_OLDER_THAN_MS = 60 * 60_000;

/**
 * Keeps this worker's `workers` row fresh so `/health/ready` can tell that someone is consuming
 * jobs. A failed beat is logged and the next one tries again: the database may be restarting, and
 * a worker must not die of it. Stopping deletes the row so a clean shutdown is not mistaken for a
 * live worker.
 */
export async function startHeartbeat(
  db: Db,
  options: { intervalMs: number; log: Logger },
): Promise<Heartbeat> {
  const { intervalMs, log } = options;
  const identity = {
    id: `${hostname()}:${process.pid}:${randomUUID()}`,
    hostname: hostname(),
    pid: process.pid,
  };
  let lastPruneAt = 0;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  async function beat(): Promise<void> {
    try {
      await upsertWorkerHeartbeat(db, identity);
      if (failing) log.info({ workerId: identity.id }, 'heartbeat: database reachable again');
      failing = false;
      if (Date.now() - lastPruneAt >= PRUNE_EVERY_MS) {
        lastPruneAt = Date.now();
        const pruned = await pruneWorkers(db, new Date(Date.now() - PRUNE_OLDER_THAN_MS));
        if (pruned > 0) log.info({ pruned }, 'heartbeat: forgot silent workers');
      }
    } catch (error) {
      // Logged once per outage, not once per beat.
      if (!failing) log.error({ err: error, workerId: identity.id }, 'heartbeat: could not record');
      failing = true;
    }
  }

  function schedule(): void {
    if (stopped) return;
    // A chained timeout rather than setInterval: a beat stuck on a dead connection never overlaps
    // the next one. Unref'd: a heartbeat alone must not keep a process alive.
    timer = setTimeout(() => {
      inFlight = beat().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  inFlight = beat();
  await inFlight;
  schedule();

  return {
    workerId: identity.id,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await inFlight;
      await deleteWorker(db, identity.id).catch((error: unknown) => {
        log.warn({ err: error, workerId: identity.id }, 'heartbeat: could not delete the row');
      });
    },
  };
}
