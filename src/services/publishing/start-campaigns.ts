import type { Db } from '../../db/client.ts';
import { markCampaignsPublishing } from '../../db/queries/campaigns.ts';
import type { ScopedRef } from '../../db/queries/scoped-refs.ts';
import { appendEvents } from '../../events/append-event.ts';

/** Campaigns whose first delivery just started: `scheduled → publishing`, with their events. */
export async function startCampaigns(db: Db, refs: readonly ScopedRef[]): Promise<void> {
  const started = await markCampaignsPublishing(db, refs);
  await appendEvents(
    db,
    started.map((campaign) => ({
      workspaceId: campaign.workspaceId,
      type: 'campaign.publishing',
      subjectType: 'campaign',
      subjectId: campaign.id,
      actor: 'system:worker',
      data: { from: 'scheduled' },
    })),
  );
}
