import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import {
  findStalledDeliveries,
  rollUpForgottenCampaigns,
} from '../services/publishing/reconcile-deliveries.ts';
import type { Queue } from './queue.ts';

/**
 * Every tick, puts back on the queue each delivery whose next step is overdue and that no job
 * seems to hold: a scheduled or unknown delivery past its due time plus `graceMs`, or one left
 * `sending` by a worker that died (older than `staleSendingMs`). One job per delivery at a time
 * (singleton key); a duplicate of a live job is harmless. It also rolls up campaigns whose every
 * delivery is settled but whose state was never updated (a worker died in between).
 */
export function startDeliveryReconciler(
  db: Db,
  queue: Queue,
  options: { log: Logger; tickMs: number; graceMs: number; staleSendingMs: number },
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const stalled = await findStalledDeliveries(db, { now: new Date(), ...options });
      for (const delivery of stalled)
        await queue.enqueue('delivery.send', delivery, {
          singletonKey: `reconcile:${delivery.deliveryId}`,
        });
      if (stalled.length > 0)
        options.log.info({ count: stalled.length }, 'reconciler re-enqueued overdue deliveries');
      const rolledUp = await rollUpForgottenCampaigns(db, { now: new Date(), ...options });
      if (rolledUp > 0) options.log.info({ count: rolledUp }, 'reconciler rolled up campaigns');
    } catch (error) {
      options.log.warn({ err: error }, 'delivery reconciler tick failed; will retry');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.tickMs);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer) };
}
