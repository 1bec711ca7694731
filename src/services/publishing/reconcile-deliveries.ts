import type { Db } from '../../db/client.ts';
import { listCampaignsToRollUp } from '../../db/queries/campaigns.ts';
import { listStalledDeliveries } from '../../db/queries/deliveries.ts';
import { rollupCampaigns } from './rollup-campaign.ts';

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

/** Rolls up campaigns whose last roll-up was lost (see listCampaignsToRollUp); returns how many. */
export async function rollUpForgottenCampaigns(
  db: Db,
  { now, graceMs }: { now: Date; graceMs: number },
): Promise<number> {
  const refs = await listCampaignsToRollUp(db, {
    before: new Date(now.getTime() - graceMs),
    limit: BATCH,
  });
  await rollupCampaigns(db, refs);
  return refs.length;
}
