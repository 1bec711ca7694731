import type { Db } from '../../db/client.ts';
import { listStalledDeliveries } from '../../db/queries/deliveries.ts';

const BATCH = 500;

/**
 * Deliveries whose next step is overdue by more than `graceMs` (a lost job, a crashed worker's
 * `sending` row older than `staleSendingMs`): what the reconciler must put back on the queue.
 */
export async function findStalledDeliveries(
  db: Db,
  { now, graceMs, staleSendingMs }: { now: Date; graceMs: number; staleSendingMs: number },
): Promise<Array<{ workspaceId: string; deliveryId: string }>> {
  const rows = await listStalledDeliveries(db, {
    dueBefore: new Date(now.getTime() - graceMs),
    staleSendingBefore: new Date(now.getTime() - staleSendingMs),
    limit: BATCH,
  });
  return rows.map((row) => ({ workspaceId: row.workspaceId, deliveryId: row.id }));
}
