import type { Db } from '../../db/client.ts';
import { lockCampaign, updateCampaign } from '../../db/queries/campaigns.ts';
import {
  deleteScheduledDeliveries,
  listDeliveriesOfCampaign,
} from '../../db/queries/deliveries.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import type { ScopedRef } from '../../db/queries/scoped-refs.ts';
import { approvalExpired } from '../campaigns/approval-gate.ts';
import { toDraftView } from '../campaigns/views.ts';
import { reopenApproval } from './reopen-approval.ts';

export const APPROVAL_CLOCK_ACTOR = 'system:approval_clock';

/**
 * A scheduled campaign whose publishing did not start by its scheduled time (plus the grace) loses
 * its approval: its deliveries (none started) are removed with the schedule, and it goes back to
 * approval. Locks the campaign first, like the workers that would claim its deliveries, so the two
 * never both proceed. Returns whether it expired.
 */
export async function expireApproval(db: Db, ref: ScopedRef, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, ref);
    if (!campaign || !approvalExpired(campaign, now)) return false;
    const scope = { workspaceId: ref.workspaceId, campaignId: ref.id };
    const deliveries = await listDeliveriesOfCampaign(tx, scope);
    if (deliveries.some((delivery) => delivery.state !== 'scheduled')) return false;
    await deleteScheduledDeliveries(tx, scope);
    await updateCampaign(tx, ref, {
      scheduledAt: null,
      scheduleZone: null,
      sendBy: null,
      approvalExpiresAt: null,
    });
    const drafts = (await listDraftsOfCampaign(tx, scope)).map(toDraftView);
    await reopenApproval(tx, {
      campaign,
      drafts,
      actor: APPROVAL_CLOCK_ACTOR,
      reason: `publishing had not started at the scheduled time (${campaign.scheduledAt?.toISOString() ?? 'unknown'})`,
      closeAs: 'expired',
      now,
    });
    return true;
  });
}
