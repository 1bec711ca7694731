import { z } from 'zod';
import { channelIds } from '../../generation/channels.ts';
import { deliveryQueue } from '../../jobs/delivery-queue.ts';
import { orderedRange } from '../../lib/query-schemas.ts';
import { cancelCampaign } from '../../services/publishing/cancel-campaign.ts';
import { deliveryStats, deliveryStatsQuery } from '../../services/publishing/delivery-stats.ts';
import {
  deliveriesQuery,
  getDelivery,
  listDeliveries,
} from '../../services/publishing/list-deliveries.ts';
import { listOutbox } from '../../services/publishing/list-outbox.ts';
import { retryDelivery } from '../../services/publishing/retry-delivery.ts';
import { scheduleCampaign } from '../../services/publishing/schedule-campaign.ts';
import { scheduleInput } from '../../services/publishing/schedule-input.ts';
import type { App } from '../fastify-types.ts';
import {
  orderedPageQuerySchema,
  pageQuerySchema,
  pageResponseSchema,
  paginate,
} from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import {
  deliverySchema,
  deliveryStatsSchema,
  outboxMessageSchema,
  scheduledCampaignSchema,
} from './publishing-schemas.ts';

const idParams = z.strictObject({ id: z.uuid() });

export function publishingRoutes(app: App): void {
  const queue = deliveryQueue(app.deps.queue);

  app.post('/v1/campaigns/:id/schedule', {
    config: { access: 'publish' },
    schema: {
      tags: ['publishing'],
      summary: 'Schedule an approved campaign (or reschedule one that has not started)',
      description:
        '`at` is an instant with an offset, or a local date-time read in `zone` (the workspace zone by default); omitted means now. `offsets` stage channels (minutes after `at`); `sendBy` cancels deliveries that cannot start in time (`missed_window`); `connections` picks a connection per channel, the others go to the sandbox outbox.',
      params: idParams,
      body: scheduleInput,
      response: { 200: scheduledCampaignSchema, ...problemResponses },
    },
    handler: (request) =>
      scheduleCampaign(
        serviceContext(app, request),
        { queue },
        { id: request.params.id, input: request.body },
      ),
  });

  app.post('/v1/campaigns/:id/publish', {
    config: { access: 'publish' },
    schema: {
      tags: ['publishing'],
      summary: 'Publish an approved campaign now (schedule with `at` omitted)',
      params: idParams,
      body: scheduleInput.omit({ at: true }).nullish(),
      response: { 200: scheduledCampaignSchema, ...problemResponses },
    },
    handler: (request) =>
      scheduleCampaign(
        serviceContext(app, request),
        { queue },
        { id: request.params.id, input: request.body ?? {} },
      ),
  });

  app.post('/v1/campaigns/:id/cancel', {
    config: { access: 'publish' },
    schema: {
      tags: ['publishing'],
      summary: 'Cancel a campaign before any delivery has started',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: scheduledCampaignSchema, ...problemResponses },
    },
    handler: (request) => cancelCampaign(serviceContext(app, request), request.params),
  });

  app.get('/v1/deliveries', {
    config: { access: 'read' },
    schema: {
      tags: ['publishing'],
      summary: 'List deliveries, filtered by campaign, status, channel and due time',
      description:
        'By creation, oldest first; `order=desc` lists newest first. `dueFrom` / `dueTo` (ISO 8601 instants) keep deliveries whose `dueAt` (the scheduled time, then each retry’s) is in `[dueFrom, dueTo)`.',
      querystring: orderedPageQuerySchema
        .extend(deliveriesQuery.shape)
        .superRefine(orderedRange('dueFrom', 'dueTo')),
      response: { 200: pageResponseSchema(deliverySchema), ...problemResponses },
    },
    handler: (request) => {
      const { limit, cursor, order, ...filter } = request.query;
      return paginate({ limit, cursor, order }, (page) =>
        listDeliveries(serviceContext(app, request), { ...filter, ...page }),
      );
    },
  });

  app.get('/v1/deliveries/stats', {
    config: { access: 'read' },
    schema: {
      tags: ['publishing'],
      summary: 'Deliveries per local day and final state, for the last `days` days',
      description:
        'For each of the last `days` days (1–90, default 14; the last one is today) in `zone` (an IANA zone; the workspace’s zone by default), oldest first: how many deliveries settled that day as `sent`, `failed`, `cancelled` or `unknown` (counted by when they moved into that state; a retried delivery counts where it settles next). Days without deliveries are zeros.',
      querystring: deliveryStatsQuery,
      response: { 200: deliveryStatsSchema, ...problemResponses },
    },
    handler: (request) => deliveryStats(serviceContext(app, request), request.query),
  });

  app.get('/v1/deliveries/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['publishing'],
      summary: 'One delivery with its attempts and the destination’s last error',
      params: idParams,
      response: { 200: deliverySchema, ...problemResponses },
    },
    handler: (request) => getDelivery(serviceContext(app, request), request.params),
  });

  app.post('/v1/deliveries/:id/retry', {
    config: { access: 'publish' },
    schema: {
      tags: ['publishing'],
      summary: 'Retry a failed or cancelled delivery now; an unknown one is looked up again',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: deliverySchema, ...problemResponses },
    },
    handler: (request) => retryDelivery(serviceContext(app, request), { queue }, request.params),
  });

  app.get('/v1/outbox', {
    config: { access: 'read' },
    schema: {
      tags: ['publishing'],
      summary: 'What the sandbox connections “sent”, exactly as it would have gone out',
      querystring: pageQuerySchema.extend({
        campaign: z.uuid().optional(),
        channel: z.enum(channelIds).optional(),
      }),
      response: { 200: pageResponseSchema(outboxMessageSchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) =>
        listOutbox(serviceContext(app, request), { ...request.query, ...page }),
      ),
  });
}
