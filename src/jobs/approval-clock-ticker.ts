import type { Logger } from 'pino';
import type { Queue } from './queue.ts';

/**
 * Every tick, enqueues an `approval.clock` job. Every worker process ticks; the singleton key keeps
 * it to one queued or running tick, and a tick re-checks everything it does under locks.
 */
export function startApprovalClockTicker(
  queue: Queue,
  { log, tickMs }: { log: Logger; tickMs: number },
): { stop(): void } {
  const tick = async () => {
    try {
      await queue.enqueue('approval.clock', {}, { singletonKey: 'approval-clock' });
    } catch (error) {
      log.warn({ err: error }, 'approval clock tick failed; will retry');
    }
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
