import { getCampaign } from '../../db/queries/campaigns.ts';
import { listReviewLinksOfCampaign } from '../../db/queries/review-links.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type ReviewLinkView, toReviewLinkView } from './review-link-view.ts';

/** A campaign's review links, newest first (never their tokens). */
export async function listReviewLinks(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ReviewLinkView[]> {
  const campaign = await getCampaign(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!campaign) throw notFound('Campaign');
  const rows = await listReviewLinksOfCampaign(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: id,
  });
  return rows.map((row) => toReviewLinkView(row));
}
