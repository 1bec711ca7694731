import type { DeliveryAttempt, DeliveryState } from '../../db/publishing-schema.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';
import type { Delivery } from '../../db/queries/deliveries.ts';
import { type CampaignView, toCampaignView } from '../campaigns/views.ts';

export interface DeliveryView {
  id: string;
  campaignId: string;
  draftId: string;
  connectionId: string;
  channel: string;
  /** 0, or the number of a CRM recipient batch. */
  batch: number;
  recipientCount: number | null;
  state: DeliveryState;
  dueAt: string;
  sendBy: string | null;
  idempotencyKey: string;
  remoteId: string | null;
  remoteUrl: string | null;
  attempts: DeliveryAttempt[];
  /** The destination's last refusal, in its words. */
  error: { kind: string; message: string } | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ScheduledCampaignView = CampaignView & { deliveries: DeliveryView[] };

export function toDeliveryView(row: Delivery): DeliveryView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    draftId: row.draftId,
    connectionId: row.connectionId,
    channel: row.channel,
    batch: row.batch,
    recipientCount: row.recipients?.length ?? null,
    state: row.state,
    dueAt: row.dueAt.toISOString(),
    sendBy: row.sendBy?.toISOString() ?? null,
    idempotencyKey: row.idempotencyKey,
    remoteId: row.remoteId,
    remoteUrl: row.remoteUrl,
    attempts: row.attempts,
    error: row.lastError,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toScheduledCampaignView(
  campaign: Campaign,
  deliveries: readonly Delivery[],
): ScheduledCampaignView {
  return { ...toCampaignView(campaign), deliveries: deliveries.map(toDeliveryView) };
}
