import { z } from 'zod';
import {
  CAMPAIGN,
  DELIVERY,
  define,
  delivery,
  deliveryExample,
  type EventDefinition,
  fields,
  id,
  iso,
  publishError,
  REQUEST,
  transition,
} from './event-definition.ts';

/** Events of campaigns, drafts and deliveries (see catalog.ts). */
export const campaignEvents = {
  'campaign.created': define({
    summary: 'A campaign was created with its drafts.',
    subject: 'campaign',
    data: z.looseObject({
      name: z.string(),
      channels: z.array(z.string()),
      drafts: z.number().int(),
      state: z.string(),
    }),
    example: { name: 'May newsletter', channels: ['newsletter', 'x'], drafts: 2, state: 'draft' },
  }),
  'draft.edited': define({
    summary: 'A draft was edited; `version` is its new version.',
    subject: 'draft',
    data: z.looseObject({ campaignId: id, version: z.number().int(), fields }),
    example: { campaignId: CAMPAIGN, version: 3, fields: ['body'] },
  }),
  'campaign.approved': define({
    summary: 'A campaign is approved (by its last stage, or by the policy itself).',
    subject: 'campaign',
    data: z.looseObject({ requestId: id, level: z.string(), reason: z.string().optional() }),
    example: { requestId: REQUEST, level: 'standard' },
  }),
  'campaign.returned_to_draft': define({
    summary: 'A campaign went back to draft (rejected, changes requested, or a draft has errors).',
    subject: 'campaign',
    data: z.looseObject({ from: z.string(), reason: z.string() }),
    example: { from: 'pending_approval', reason: 'rejected at stage 1' },
  }),
  'campaign.scheduled': define({
    summary:
      'A campaign was scheduled (with its deliveries), or a failed one is waiting to be retried (`from`).',
    subject: 'campaign',
    data: z.looseObject({
      at: iso.optional(),
      zone: z.string().optional(),
      sendBy: iso.nullable().optional(),
      deliveries: z
        .array(z.looseObject({ id, channel: z.string(), connectionId: id.nullable(), dueAt: iso }))
        .optional(),
      from: z.string().optional(),
    }),
    example: {
      at: '2026-05-04T09:00:00.000Z',
      zone: 'Europe/Paris',
      sendBy: null,
      deliveries: [
        {
          id: DELIVERY,
          channel: 'newsletter',
          connectionId: '0c0c0c0c-7777-4a8b-9c0d-1e2f3a4b5c6d',
          dueAt: '2026-05-04T09:00:00.000Z',
        },
      ],
    },
  }),
  'campaign.rescheduled': define({
    summary: 'A scheduled campaign was moved to another time.',
    subject: 'campaign',
    data: z.looseObject({
      at: iso,
      zone: z.string(),
      sendBy: iso.nullable(),
      deliveries: z.array(z.unknown()),
    }),
    example: { at: '2026-05-05T09:00:00.000Z', zone: 'Europe/Paris', sendBy: null, deliveries: [] },
  }),
  'campaign.cancelled': define({
    summary: 'A campaign was cancelled (by a person, or because its window passed).',
    subject: 'campaign',
    data: z.looseObject({ from: z.string(), deliveries: z.number().int().optional() }),
    example: { from: 'scheduled', deliveries: 2 },
  }),
  'campaign.publishing': define({
    summary: "A campaign's first delivery started.",
    subject: 'campaign',
    data: transition,
    example: { from: 'scheduled' },
  }),
  'campaign.published': define({
    summary: 'Every delivery of the campaign was sent.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'campaign.partially_failed': define({
    summary: 'Some deliveries were sent, some failed or were cancelled.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'campaign.failed': define({
    summary: 'No delivery of the campaign was sent.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'delivery.sending': define({
    summary: 'A delivery is being sent to its destination.',
    subject: 'delivery',
    data: delivery,
    example: deliveryExample,
  }),
  'delivery.sent': define({
    summary: 'A delivery was accepted by its destination.',
    subject: 'delivery',
    data: delivery.extend({ remoteId: z.string().nullable(), remoteUrl: z.string().nullable() }),
    example: {
      ...deliveryExample,
      remoteId: 'msg_8842',
      remoteUrl: 'https://platform.example/posts/8842',
    },
  }),
  'delivery.failed': define({
    summary: 'A delivery failed for good (permanent error, or out of retries).',
    subject: 'delivery',
    data: delivery.extend(publishError.shape),
    example: { ...deliveryExample, kind: 'rejected', message: 'Body too long', vendorCode: 'E413' },
  }),
  'delivery.retry_scheduled': define({
    summary: 'A delivery will be tried again at `dueAt`.',
    subject: 'delivery',
    data: delivery.extend({
      dueAt: iso.optional(),
      kind: z.string().optional(),
      message: z.string().optional(),
      reason: z.string().optional(),
    }),
    example: {
      ...deliveryExample,
      kind: 'transient',
      message: 'HTTP 503',
      vendorCode: null,
      dueAt: '2026-05-04T09:02:00.000Z',
    },
  }),
  'delivery.unknown': define({
    summary: 'A call ended without an answer: whether it was sent is being checked.',
    subject: 'delivery',
    data: delivery.extend({ message: z.string() }),
    example: { ...deliveryExample, message: 'socket hang up' },
  }),
  'delivery.cancelled': define({
    summary: 'A delivery was cancelled (its window passed).',
    subject: 'delivery',
    data: delivery.extend({ reason: z.string().optional() }),
    example: { ...deliveryExample, reason: 'missed_window' },
  }),
  'delivery.retry_requested': define({
    summary: 'Someone asked to retry a failed delivery.',
    subject: 'delivery',
    data: z.looseObject({ campaignId: id, channel: z.string(), from: z.string() }),
    example: { campaignId: CAMPAIGN, channel: 'newsletter', from: 'failed' },
  }),
} satisfies Record<string, EventDefinition>;
