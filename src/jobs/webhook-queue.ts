import type { WebhookQueue } from '../services/webhooks/webhook-deps.ts';
import type { Queue } from './queue.ts';

/** Webhook attempts as `webhook.deliver` jobs, inserted in the caller's transaction. */
export function webhookQueue(queue: Pick<Queue, 'enqueueAt'>): WebhookQueue {
  return {
    async push(db, delivery, at) {
      await queue.enqueueAt('webhook.deliver', delivery, at, { db });
    },
  };
}
