import type { Db } from '../../db/client.ts';
import { lockCampaign, updateCampaign } from '../../db/queries/campaigns.ts';
import { countDeliveryStates } from '../../db/queries/deliveries.ts';
import type { CampaignState, DeliveryState } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';

/**
 * The campaign's state from its deliveries: waiting while none has started, `publishing` while
 * any is unsettled, then `published` (all sent), `failed` (none sent), `partially_failed` (some
 * sent, some failed or cancelled) or `cancelled` (all cancelled). Runs under the campaign's row
 * lock, so two deliveries settling at once cannot both miss the last step.
 */
export function campaignStateFrom(
  counts: Partial<Record<DeliveryState, number>>,
): CampaignState | null {
  const n = (state: DeliveryState) => counts[state] ?? 0;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const unsettled = n('pending') + n('scheduled') + n('sending') + n('unknown');
  if (unsettled > 0)
    return unsettled === n('scheduled') + n('pending') && total === unsettled
      ? 'scheduled'
      : 'publishing';
  if (n('sent') === total) return 'published';
  if (n('cancelled') === total) return 'cancelled';
  if (n('sent') === 0) return 'failed';
  return 'partially_failed';
}

export async function rollupCampaign(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, { workspaceId, id: campaignId });
    if (!campaign) return;
    const next = campaignStateFrom(await countDeliveryStates(tx, { workspaceId, campaignId }));
    if (next === null || next === campaign.state) return;
    // Deliveries all end cancelled by themselves only when their send_by passed.
    await updateCampaign(
      tx,
      { workspaceId, id: campaignId },
      next === 'cancelled' ? { state: next, stateReason: 'missed_window' } : { state: next },
    );
    await appendEvent(tx, {
      workspaceId,
      type: `campaign.${next}`,
      subjectType: 'campaign',
      subjectId: campaignId,
      actor: 'system:worker',
      data: { from: campaign.state },
    });
  });
}
