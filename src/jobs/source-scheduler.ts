import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { listDueSources } from '../db/queries/sources.ts';
import type { Queue } from './queue.ts';

const BATCH = 200;

/**
 * Every tick, enqueues a `source.sync` job for each source whose scheduled sync is due. Every
 * worker process ticks; the job's singleton key (one per source) keeps it to one queued or running
 * sync per source, and the job re-checks that the source is still due before syncing.
 */
export function startSourceScheduler(
  db: Db,
  queue: Queue,
  { log, tickMs }: { log: Logger; tickMs: number },
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const due = await listDueSources(db, { now: new Date(), limit: BATCH });
      for (const source of due) {
        await queue.enqueue(
          'source.sync',
          { workspaceId: source.workspaceId, sourceId: source.id },
          { singletonKey: `source:${source.id}` },
        );
      }
      if (due.length > 0) log.debug({ count: due.length }, 'scheduled source syncs enqueued');
    } catch (error) {
      log.warn({ err: error }, 'source scheduler tick failed; will retry');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
