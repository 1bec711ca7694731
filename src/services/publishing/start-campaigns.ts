import type { Db } from '../../db/client.ts';
import { appendAuditEntries } from '../../db/queries/audit-log.ts';
import { markCampaignsPublishing } from '../../db/queries/campaigns.ts';
import type { ScopedRef } from '../../db/queries/scoped-refs.ts';
import { appendEvents } from '../../events/append-event.ts';

/**
 * Campaigns whose first delivery just started: `scheduled → publishing`, with their events and
 * audit entries (publishing is the moment an approval is used).
 */
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
  await appendAuditEntries(
    db,
    started.map((campaign) => ({
      workspaceId: campaign.workspaceId,
      action: 'campaign.publishing',
      resourceType: 'campaign',
      resourceId: campaign.id,
      actor: 'system:worker',
      before: { state: 'scheduled' },
      after: { state: 'publishing' },
    })),
  );
}
