import type { Db } from '../../db/client.ts';
import type { DeliveryState } from '../../db/publishing-schema.ts';
import { type CampaignLock, lockCampaigns, setCampaignStates } from '../../db/queries/campaigns.ts';
import { countDeliveryStatesOf } from '../../db/queries/deliveries.ts';
import type { ScopedRef } from '../../db/queries/scoped-refs.ts';
import type { CampaignState } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-event.ts';

/** The states a campaign reaches from its deliveries (each announced as `campaign.<state>`). */
export type RolledUpState = Extract<
  CampaignState,
  'scheduled' | 'publishing' | 'published' | 'cancelled' | 'failed' | 'partially_failed'
>;

/**
 * The campaign's state from its deliveries: waiting while none has started, `publishing` while
 * any is unsettled, then `published` (all sent), `failed` (none sent), `partially_failed` (some
 * sent, some failed or cancelled) or `cancelled` (all cancelled).
 */
export function campaignStateFrom(
  counts: Partial<Record<DeliveryState, number>>,
): RolledUpState | null {
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
  await rollupCampaigns(db, [{ workspaceId, id: campaignId }]);
}

/**
 * Brings each campaign's state in line with its deliveries. Runs under the campaigns' row locks
 * (taken in id order), so two workers settling the last deliveries of one campaign at once take
 * turns, and the second counts what the first committed: neither misses the last step.
 */
export async function rollupCampaigns(db: Db, refs: readonly ScopedRef[]): Promise<void> {
  if (refs.length === 0) return;
  await db.transaction(async (tx) => rollupLockedCampaigns(tx, await lockCampaigns(tx, refs)));
}

/**
 * Runs `change` (a delivery's move to a final state, with its event) and the roll-up of its
 * campaign in one commit, the campaign locked first: nobody reads a settled delivery beside a
 * campaign that has not caught up with it.
 */
export async function withCampaignRollup(
  db: Db,
  campaign: ScopedRef,
  change: (tx: Db) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await lockCampaigns(tx, [campaign]);
    await change(tx);
    await rollupLockedCampaigns(tx, locked);
  });
}

/** The roll-up itself, for a caller already holding these campaigns' locks in its transaction. */
export async function rollupLockedCampaigns(
  tx: Db,
  locked: readonly CampaignLock[],
): Promise<void> {
  if (locked.length === 0) return;
  const counts = await countDeliveryStatesOf(tx, locked);
  const changes = locked.flatMap((campaign) => {
    const next = campaignStateFrom(counts.get(campaign.id) ?? {});
    return next === null || next === campaign.state ? [] : [{ campaign, next }];
  });
  await setCampaignStates(
    tx,
    changes.map(({ campaign, next }) => ({
      workspaceId: campaign.workspaceId,
      id: campaign.id,
      state: next,
      // Deliveries all end cancelled by themselves only when their send_by passed.
      stateReason: next === 'cancelled' ? 'missed_window' : null,
    })),
  );
  await appendEvents(
    tx,
    changes.map(({ campaign, next }) => ({
      workspaceId: campaign.workspaceId,
      type: `campaign.${next}`,
      subjectType: 'campaign',
      subjectId: campaign.id,
      actor: 'system:worker',
      data: { from: campaign.state },
    })),
  );
}
