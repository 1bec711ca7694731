import { z } from 'zod';
import { type DeliveryState, deliveryStates } from '../../db/publishing-schema.ts';
import {
  getDelivery as findDelivery,
  listDeliveries as listRows,
} from '../../db/queries/deliveries.ts';
import type { PageAfter, PageOrder } from '../../db/queries/page.ts';
import { channelIds } from '../../generation/channels.ts';
import { notFound } from '../../lib/errors.ts';
import { instantSchema } from '../../lib/query-schemas.ts';
import type { ServiceContext } from '../context.ts';
import { type DeliveryView, toDeliveryView } from './views.ts';

/** `GET /v1/deliveries` filters (besides the page): the calendar's `[dueFrom, dueTo)` window. */
export const deliveriesQuery = z.strictObject({
  campaign: z.uuid().optional(),
  status: z.enum(deliveryStates).optional(),
  channel: z.enum(channelIds).optional(),
  /** Only deliveries due (scheduled, or retried) at or after this instant. */
  dueFrom: instantSchema.optional(),
  /** Only deliveries due before this instant. */
  dueTo: instantSchema.optional(),
});

export interface DeliveryFilter {
  campaign?: string | undefined;
  status?: DeliveryState | undefined;
  channel?: string | undefined;
  dueFrom?: Date | undefined;
  dueTo?: Date | undefined;
  limit: number;
  after?: PageAfter | undefined;
  order?: PageOrder | undefined;
}

/** The workspace's deliveries by creation (oldest first unless `order` is `desc`), filtered. */
export async function listDeliveries(
  ctx: ServiceContext,
  filter: DeliveryFilter,
): Promise<DeliveryView[]> {
  const rows = await listRows(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: filter.campaign,
    state: filter.status,
    channel: filter.channel,
    dueFrom: filter.dueFrom,
    dueTo: filter.dueTo,
    limit: filter.limit,
    after: filter.after,
    order: filter.order,
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
