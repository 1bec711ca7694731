import { z } from 'zod';
import { webhookDeps } from '../../jobs/worker-context.ts';
import {
  createWebhook,
  createWebhookBody,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveryLog,
  listWebhooks,
  replayWebhookDelivery,
  sendTestWebhook,
  updateWebhook,
  updateWebhookBody,
} from '../../services/webhooks/manage-webhooks.ts';
import { webhookDeliverySchema, webhookSchema } from '../../services/webhooks/webhook-view.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

const idParams = z.strictObject({ id: z.uuid() });
const deliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });
const createdSchema = webhookSchema.extend({
  /** `whsec_…`: the signing secret, shown this once. */
  secret: z.string(),
});

/** Outbound webhooks (docs/events.md): endpoints, their delivery log, replay and test sends. */
export function webhookRoutes(app: App): void {
  const deps = webhookDeps(app.deps.config, {
    secretKey: app.deps.secretKey,
    queue: app.deps.queue,
  });

  app.post('/v1/webhooks', {
    config: { access: 'admin' },
    schema: {
      tags: ['webhooks'],
      summary: 'Add a webhook endpoint (its signing secret is in this answer only)',
      description:
        'Events after its creation that pass `eventTypes` (catalog types and `<family>.*`; empty = all) are POSTed to `url`, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried with exponential backoff for about 24 h. Private and loopback addresses are refused at send time unless allowed (PRIVATE_NETWORK_ALLOWLIST). ',
      body: createWebhookBody,
      response: { 201: createdSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const created = await createWebhook(serviceContext(app, request), deps, request.body);
      return reply.code(201).send(created);
    },
  });

  app.get('/v1/webhooks', {
    config: { access: 'read' },
    schema: {
      tags: ['webhooks'],
      summary: 'The workspace webhook endpoints, oldest first',
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(webhookSchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) => listWebhooks(serviceContext(app, request), page)),
  });

  app.get('/v1/webhooks/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['webhooks'],
      summary: 'One webhook endpoint',
      params: idParams,
      response: { 200: webhookSchema, ...problemResponses },
    },
    handler: (request) => getWebhook(serviceContext(app, request), request.params.id),
  });

  app.patch('/v1/webhooks/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['webhooks'],
      summary: 'Change a webhook endpoint; `status: active` re-enables a disabled one',
      params: idParams,
      body: updateWebhookBody,
      response: { 200: webhookSchema, ...problemResponses },
    },
    handler: (request) =>
      updateWebhook(serviceContext(app, request), request.params.id, request.body),
  });

  app.delete('/v1/webhooks/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['webhooks'],
      summary: 'Delete a webhook endpoint and its delivery log',
      params: idParams,
      response: { 204: z.null().describe('Deleted'), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteWebhook(serviceContext(app, request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/v1/webhooks/:id/deliveries', {
    config: { access: 'read' },
    schema: {
      tags: ['webhooks'],
      summary: "The endpoint's delivery log, newest first, with each attempt's response code",
      params: idParams,
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(webhookDeliverySchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) =>
        listWebhookDeliveryLog(serviceContext(app, request), request.params.id, page),
      ),
  });

  app.post('/v1/webhooks/:id/deliveries/:deliveryId/replay', {
    config: { access: 'admin' },
    schema: {
      tags: ['webhooks'],
      summary: 'Send a delivery again (same body and webhook-id), with a fresh retry window',
      params: deliveryParams,
      response: { 202: webhookDeliverySchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const replayed = await replayWebhookDelivery(
        serviceContext(app, request),
        deps,
        request.params.id,
        request.params.deliveryId,
      );
      return reply.code(202).send(replayed);
    },
  });

  app.post('/v1/webhooks/:id/test', {
    config: { access: 'admin' },
    schema: {
      tags: ['webhooks'],
      summary: 'Send a signed `webhook.test` message now, once, and return the answer',
      params: idParams,
      response: { 200: webhookDeliverySchema, ...problemResponses },
    },
    handler: (request) => sendTestWebhook(serviceContext(app, request), deps, request.params.id),
  });
}
