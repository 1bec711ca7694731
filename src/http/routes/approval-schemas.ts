import { z } from 'zod';
import { roundViewSchema, stageViewSchema } from '../../services/approvals/approval-view.ts';
import { campaignSchema } from './campaign-schemas.ts';

/** A campaign and its latest approval round (null before the first submission). */
export const campaignApprovalSchema = z
  .object({ campaign: campaignSchema, round: roundViewSchema.nullable() })
  .meta({ id: 'CampaignApproval' });

/** One entry of a reviewer's queue: an active stage and its deadline. */
export const queueEntrySchema = z
  .object({
    id: z.uuid().describe('The stage id'),
    campaignId: z.uuid(),
    campaignName: z.string(),
    requestId: z.uuid(),
    level: z.string(),
    stage: stageViewSchema.omit({ decisions: true, remaining: true }),
    deadlineAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    createdAt: z.iso.datetime().describe('When the stage started waiting'),
  })
  .meta({ id: 'ApprovalQueueEntry' });
