import { z } from 'zod';
import { campaignStates } from '../../db/schema.ts';

/** A campaign as the API shows it (shared by the campaign and publishing routes). */
export const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    state: z.enum(campaignStates),
    sourceId: z.uuid().nullable(),
    snapshotId: z.uuid().nullable(),
    itemKeys: z.array(z.string()),
    channels: z.array(z.string()),
    tone: z.string(),
    template: z.string(),
    socialMode: z.string(),
    createdBy: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    approvalLevel: z.string().nullable(),
    scheduledAt: z.iso.datetime().nullable(),
    scheduledLocal: z.iso.datetime({ offset: true }).nullable(),
    scheduleZone: z.string().nullable(),
    sendBy: z.iso.datetime().nullable(),
    channelOffsets: z.record(z.string(), z.number()),
    stateReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Campaign' });
