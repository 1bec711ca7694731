import { z } from 'zod';
import { listCampaigns as selectCampaigns } from '../../db/queries/campaigns.ts';
import type { PageAfter, PageOrder } from '../../db/queries/page.ts';
import { type CampaignState, campaignStates } from '../../db/schema.ts';
import { commaSeparatedSchema, instantSchema } from '../../lib/query-schemas.ts';
import type { ServiceContext } from '../context.ts';
import { type CampaignView, toCampaignView } from './views.ts';

/** `GET /v1/campaigns` filters: states, and a `[scheduledFrom, scheduledTo)` window (a calendar). */
export const campaignsQuery = z.strictObject({
  /** `scheduled`, or `failed,partially_failed`. */
  state: commaSeparatedSchema(campaignStates, 'campaign state').optional(),
  /** Only campaigns whose `scheduledAt` is at or after this instant. */
  scheduledFrom: instantSchema.optional(),
  /** Only campaigns whose `scheduledAt` is before this instant. */
  scheduledTo: instantSchema.optional(),
});

export interface CampaignFilter {
  state?: readonly CampaignState[] | undefined;
  scheduledFrom?: Date | undefined;
  scheduledTo?: Date | undefined;
  limit: number;
  after?: PageAfter | undefined;
  order?: PageOrder | undefined;
}

/** The workspace's campaigns by creation (oldest first unless `order` is `desc`), filtered. */
export async function listCampaigns(
  ctx: ServiceContext,
  filter: CampaignFilter,
): Promise<CampaignView[]> {
  const rows = await selectCampaigns(ctx.db, { workspaceId: ctx.workspaceId, ...filter });
  return rows.map(toCampaignView);
}
