import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PageAfter } from '../../db/queries/page.ts';
import {
  currentEventSeq,
  deleteWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  insertWebhookDeliveries,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  requeueWebhookDelivery,
  updateWebhookEndpoint,
} from '../../db/queries/webhooks.ts';
import { appendEvent } from '../../events/append-event.ts';
import { encryptSecret } from '../../lib/crypto.ts';
import { notFound } from '../../lib/errors.ts';
import { generateWebhookSecret } from '../../lib/standard-webhooks.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { typeFilterSchema } from '../events/event-query.ts';
import { attemptWebhookDelivery } from './deliver-webhook.ts';
import type { WebhookDeps } from './webhook-deps.ts';
import {
  toWebhookDeliveryView,
  toWebhookView,
  type WebhookDeliveryView,
  type WebhookView,
} from './webhook-view.ts';

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'is an http(s) URL' })
  .max(2_000)
  .refine((value) => !new URL(value).username && !new URL(value).password, {
    message: 'must not carry credentials (sign requests with the webhook secret instead)',
  });

/** Catalog types and `<family>.*` entries, each checked like the `type` filter of GET /v1/events. */
const eventTypesSchema = z
  .array(z.string().max(200))
  .max(50)
  .superRefine((entries, ctx) => {
    for (const [index, entry] of entries.entries()) {
      const parsed = typeFilterSchema.safeParse(entry);
      if (!parsed.success)
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: parsed.error.issues[0]?.message ?? 'is not an event type',
        });
    }
  });

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  description: z.string().max(500).nullable().optional(),
  /** Empty or absent: every event. */
  eventTypes: eventTypesSchema.optional(),
});

export const updateWebhookBody = z
  .strictObject({
    url: webhookUrl.optional(),
    description: z.string().max(500).nullable().optional(),
    eventTypes: eventTypesSchema.optional(),
    /** `active` re-enables a disabled endpoint (from the current event on). */
    status: z.enum(['active', 'disabled']).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'changes nothing' });

const ref = (ctx: ServiceContext, id: string) => ({ workspaceId: ctx.workspaceId, id });

async function endpointOf(ctx: ServiceContext, id: string) {
  const row = z.uuid().safeParse(id).success
    ? await getWebhookEndpoint(ctx.db, ref(ctx, id))
    : undefined;
  if (!row) throw notFound(`Webhook ${id}`);
  return row;
}

/** Creates an endpoint that receives events from now on. The secret is returned this once. */
export async function createWebhook(
  ctx: ServiceContext,
  deps: Pick<WebhookDeps, 'secretKey'>,
  input: z.infer<typeof createWebhookBody>,
): Promise<WebhookView & { secret: string }> {
  const secret = generateWebhookSecret();
  const eventTypes = [...new Set(input.eventTypes ?? [])];
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertWebhookEndpoint(tx, {
      workspaceId: ctx.workspaceId,
      url: input.url,
      description: input.description ?? null,
      eventTypes,
      secretSealed: encryptSecret(secret, deps.secretKey),
      status: 'active',
      lastSeq: await currentEventSeq(tx, ctx.workspaceId),
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'webhook.created',
      subjectType: 'webhook',
      subjectId: created.id,
      actor: actorLabel(ctx.actor),
      data: { url: created.url, eventTypes },
    });
    return created;
  });
  return { ...toWebhookView(row), secret };
}

export async function listWebhooks(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<WebhookView[]> {
  const rows = await listWebhookEndpoints(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toWebhookView);
}

export async function getWebhook(ctx: ServiceContext, id: string): Promise<WebhookView> {
  return toWebhookView(await endpointOf(ctx, id));
}

export async function updateWebhook(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof updateWebhookBody>,
): Promise<WebhookView> {
  const current = await endpointOf(ctx, id);
  const row = await ctx.db.transaction(async (tx) => {
    const enabling = input.status === 'active' && current.status !== 'active';
    const updated = await updateWebhookEndpoint(tx, ref(ctx, id), {
      ...(input.url !== undefined && { url: input.url }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.eventTypes !== undefined && { eventTypes: [...new Set(input.eventTypes)] }),
      ...(input.status !== undefined && {
        status: input.status,
        disabledReason: input.status === 'disabled' ? 'disabled by a person' : null,
      }),
      // Re-enabled: from the current event on, with a fresh failure clock.
      ...(enabling && { lastSeq: await currentEventSeq(tx, ctx.workspaceId), failingSince: null }),
    });
    if (!updated) throw notFound(`Webhook ${id}`);
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'webhook.updated',
      subjectType: 'webhook',
      subjectId: id,
      actor: actorLabel(ctx.actor),
      data: { fields: Object.keys(input), status: updated.status },
    });
    return updated;
  });
  return toWebhookView(row);
}

export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  await endpointOf(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const row = await deleteWebhookEndpoint(tx, ref(ctx, id));
    if (!row) throw notFound(`Webhook ${id}`);
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'webhook.deleted',
      subjectType: 'webhook',
      subjectId: id,
      actor: actorLabel(ctx.actor),
      data: { url: row.url },
    });
  });
}

/** The endpoint's delivery log, newest first, with each attempt's response code. */
export async function listWebhookDeliveryLog(
  ctx: ServiceContext,
  id: string,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<WebhookDeliveryView[]> {
  await endpointOf(ctx, id);
  const rows = await listWebhookDeliveries(ctx.db, {
    workspaceId: ctx.workspaceId,
    endpointId: id,
    ...page,
  });
  return rows.map(toWebhookDeliveryView);
}

/** Sends a delivery again (same body, same `webhook-id`), with a fresh retry window. */
export async function replayWebhookDelivery(
  ctx: ServiceContext,
  deps: Pick<WebhookDeps, 'queue'>,
  id: string,
  deliveryId: string,
): Promise<WebhookDeliveryView> {
  await endpointOf(ctx, id);
  const found = z.uuid().safeParse(deliveryId).success
    ? await getWebhookDelivery(ctx.db, {
        workspaceId: ctx.workspaceId,
        id: deliveryId,
        endpointId: id,
      })
    : undefined;
  if (!found) throw notFound(`Delivery ${deliveryId}`);
  const row = await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const requeued = await requeueWebhookDelivery(tx, ref(ctx, deliveryId), now);
    if (!requeued) throw notFound(`Delivery ${deliveryId}`);
    await deps.queue.push(tx, { workspaceId: ctx.workspaceId, deliveryId }, now);
    return requeued;
  });
  return toWebhookDeliveryView(row);
}

/**
 * Sends a `webhook.test` message now, once (no retry), and returns the delivery with the
 * endpoint's answer. Works on a disabled endpoint too, to check it before re-enabling.
 */
export async function sendTestWebhook(
  ctx: ServiceContext,
  deps: WebhookDeps,
  id: string,
): Promise<WebhookDeliveryView> {
  const endpoint = await endpointOf(ctx, id);
  const now = new Date();
  const [created] = await insertWebhookDeliveries(ctx.db, [
    {
      workspaceId: ctx.workspaceId,
      endpointId: endpoint.id,
      eventId: null,
      eventType: 'webhook.test',
      messageId: `msg_test_${randomUUID().replaceAll('-', '')}`,
      payload: {
        type: 'webhook.test',
        timestamp: now.toISOString(),
        data: { webhookId: endpoint.id, message: 'A test message from Toombos.' },
      },
      status: 'pending',
      nextAttemptAt: now,
      windowStartedAt: now,
    },
  ]);
  if (!created) throw new Error('sendTestWebhook: no delivery created');
  const sent = await attemptWebhookDelivery(
    ctx.db,
    deps,
    { workspaceId: ctx.workspaceId, deliveryId: created.id },
    { final: true, now },
  );
  return toWebhookDeliveryView(sent ?? created);
}
