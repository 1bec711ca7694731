import { z } from 'zod';
import { deliveryStates } from '../../db/publishing-schema.ts';
import { campaignSchema } from './campaign-schemas.ts';

const attemptSchema = z.object({
  at: z.iso.datetime(),
  outcome: z.enum(['sent', 'failed', 'retry', 'unknown', 'found', 'not_found']),
  error: z
    .object({ kind: z.string(), message: z.string(), vendorCode: z.string().optional() })
    .optional(),
});

export const deliverySchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    draftId: z.uuid(),
    connectionId: z.uuid(),
    channel: z.string(),
    batch: z.number().int(),
    recipientCount: z.number().int().nullable(),
    state: z.enum(deliveryStates),
    dueAt: z.iso.datetime(),
    sendBy: z.iso.datetime().nullable(),
    idempotencyKey: z.string(),
    remoteId: z.string().nullable(),
    remoteUrl: z.string().nullable(),
    attempts: z.array(attemptSchema),
    error: z.object({ kind: z.string(), message: z.string() }).nullable(),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Delivery' });

export const scheduledCampaignSchema = campaignSchema.extend({
  deliveries: z.array(deliverySchema),
});

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    deliveryId: z.uuid(),
    campaignId: z.uuid(),
    channel: z.string(),
    message: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxMessage' });

const dayCountsSchema = z.object({
  date: z.iso.date().describe('The local day in `zone`, `YYYY-MM-DD`.'),
  sent: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  unknown: z.number().int(),
});

export const deliveryStatsSchema = z
  .object({
    zone: z.string().describe('The IANA zone the days are local to.'),
    days: z.array(dayCountsSchema).describe('Oldest first; the last one is today in `zone`.'),
  })
  .meta({ id: 'DeliveryStats' });
