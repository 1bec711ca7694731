import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { findOverdueWebhookDeliveries } from '../db/queries/webhooks.ts';
import type { EventBus } from '../events/bus.ts';
import { dispatchWebhookEvents } from '../services/webhooks/dispatch-webhooks.ts';
import type { Queue } from './queue.ts';
import { webhookQueue } from './webhook-queue.ts';

/**
 * In each worker: fans new events out to webhook endpoints as soon as the bus announces one, and
 * every tick anyway (an announcement can be lost; the log cannot), and puts back on the queue any
 * delivery overdue by more than `graceMs` (its job was lost, or its worker died mid-attempt).
 */
export function startWebhookDispatcher(
  db: Db,
  queue: Queue,
  bus: EventBus,
  options: { log: Logger; tickMs: number; graceMs: number },
): { stop(): void } {
  const pushes = webhookQueue(queue);
  let running = false;
  let again = false;
  let stopped = false;
  const run = async (sweep: boolean) => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await dispatchWebhookEvents(db, pushes);
      } while (again && !stopped);
      if (sweep) {
        const overdue = await findOverdueWebhookDeliveries(db, {
          now: new Date(),
          graceMs: options.graceMs,
          limit: 500,
        });
        for (const delivery of overdue)
          await queue.enqueue('webhook.deliver', delivery, {
            singletonKey: `webhook-sweep:${delivery.deliveryId}`,
          });
      }
    } catch (error) {
      options.log.warn({ err: error }, 'webhook dispatcher failed; will retry');
    } finally {
      running = false;
    }
  };
  const unsubscribe = bus.subscribe(() => void run(false));
  const timer = setInterval(() => void run(true), options.tickMs);
  timer.unref();
  void run(true);
  return {
    stop() {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
    },
  };
}
