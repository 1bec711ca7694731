import type { DeliveryQueue } from '../services/publishing/publishing-deps.ts';
import type { Queue } from './queue.ts';

/** Delivery steps as `delivery.send` jobs, inserted in the caller's transaction. */
export function deliveryQueue(queue: Pick<Queue, 'enqueueAt'>): DeliveryQueue {
  return {
    async push(db, delivery, at) {
      await queue.enqueueAt('delivery.send', delivery, at, { db });
    },
  };
}
