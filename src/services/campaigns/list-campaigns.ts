import { listCampaigns as selectCampaigns } from '../../db/queries/campaigns.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';
import { type CampaignView, toCampaignView } from './views.ts';

export async function listCampaigns(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<CampaignView[]> {
  const rows = await selectCampaigns(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toCampaignView);
}
