import { z } from 'zod';
import { runDeliveries } from '../services/publishing/run-deliveries.ts';
import { runDelivery } from '../services/publishing/run-delivery.ts';
import { defineJob } from './define-job.ts';

/**
 * The next step of one delivery (start, retry, resolve). Enqueued for its due time by scheduling
 * and by each step that leaves more to do, and by the reconciler for anything overdue. Duplicates
 * are harmless: every step is a compare-and-set on the delivery's state.
 */
export const deliverySend = defineJob({
  name: 'delivery.send',
  schema: z.object({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
  // Handler failures are our own (the database); destination failures are settled on the row.
  retry: { limit: 5, delaySeconds: 2, backoff: true },
  async handler(payload, { db, publishing }) {
    await runDelivery(db, publishing, payload);
  },
  // Deliveries due together (a campaign, a busy minute) are claimed and recorded in bulk.
  batch: {
    size: 200,
    // On PostgreSQL, lanes overlap one batch's calls with the next one's claim; PGlite serialises.
    lanes: 2,
    async handler(payloads, { db, publishing }) {
      await runDeliveries(db, publishing, payloads);
    },
  },
});
