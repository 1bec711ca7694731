import type { DeliveryState } from '../../db/publishing-schema.ts';
import {
  getDelivery as findDelivery,
  listDeliveries as listRows,
} from '../../db/queries/deliveries.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type DeliveryView, toDeliveryView } from './views.ts';

export interface DeliveryFilter {
  campaign?: string | undefined;
  status?: DeliveryState | undefined;
  channel?: string | undefined;
  limit: number;
  after?: PageAfter | undefined;
}

export async function listDeliveries(
  ctx: ServiceContext,
  filter: DeliveryFilter,
): Promise<DeliveryView[]> {
  const rows = await listRows(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: filter.campaign,
    state: filter.status,
    channel: filter.channel,
    limit: filter.limit,
    after: filter.after,
  });
  return rows.map(toDeliveryView);
}

export async function getDelivery(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<DeliveryView> {
  const row = await findDelivery(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Delivery');
  return toDeliveryView(row);
}
