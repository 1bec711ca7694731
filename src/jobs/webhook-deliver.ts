import { z } from 'zod';
import { attemptWebhookDelivery } from '../services/webhooks/deliver-webhook.ts';
import { defineJob } from './define-job.ts';

/**
 * One attempt of one webhook delivery, enqueued for its due time by the dispatcher, by each
 * failed attempt (the next one, with backoff), by a replay and by the dispatcher's sweep for
 * overdue ones. Duplicates are harmless: the attempt claims the delivery by compare-and-set.
 */
export const webhookDeliver = defineJob({
  name: 'webhook.deliver',
  schema: z.object({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
  // Handler failures are our own (the database); endpoint failures are recorded on the row.
  retry: { limit: 5, delaySeconds: 2, backoff: true },
  async handler(payload, { db, webhooks }) {
    await attemptWebhookDelivery(db, webhooks, payload);
  },
});
