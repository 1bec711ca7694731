import { listOutboxMessages } from '../../db/queries/outbox.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';

export interface OutboxMessageView {
  id: string;
  deliveryId: string;
  campaignId: string;
  channel: string;
  /** The message exactly as it would have been sent (email subject/html/text, post texts…). */
  message: Record<string, unknown>;
  createdAt: string;
}

/** What the workspace's sandbox connections "sent", oldest first. */
export async function listOutbox(
  ctx: ServiceContext,
  filter: {
    campaign?: string | undefined;
    channel?: string | undefined;
    limit: number;
    after?: PageAfter | undefined;
  },
): Promise<OutboxMessageView[]> {
  const rows = await listOutboxMessages(ctx.db, {
    workspaceId: ctx.workspaceId,
    campaignId: filter.campaign,
    channel: filter.channel,
    limit: filter.limit,
    after: filter.after,
  });
  return rows.map((row) => ({
    id: row.id,
    deliveryId: row.deliveryId,
    campaignId: row.campaignId,
    channel: row.channel,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
  }));
}
