import { getCampaign as selectCampaign } from '../../db/queries/campaigns.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type CampaignView, type DraftView, toCampaignView, toDraftView } from './views.ts';

export async function getCampaign(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<CampaignView & { drafts: DraftView[] }> {
  const row = await selectCampaign(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Campaign');
  const drafts = await listDraftsOfCampaign(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: id,
  });
  return { ...toCampaignView(row), drafts: drafts.map(toDraftView) };
}
