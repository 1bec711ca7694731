import { z } from 'zod';
import type { JsonResponse } from '../../lib/outbound/request-json.ts';
import { assertWithinLimits } from '../check-limits.ts';
import { type ChannelCall, defineChannel } from '../define-channel.ts';
import { type CrmEndpoint, findBatchByKey, listSubscribers, sendBatch } from './client.ts';
import {
  answerError,
  maxBatchRecipients,
  toAudiencePage,
  toBatchBody,
  toReceipt,
  toStatus,
  transportFailure,
} from './map.ts';

const configSchema = z
  .object({
    baseUrl: z.url({
      protocol: /^https?$/,
      error: 'baseUrl must be an http:// or https:// address',
    }),
    /** Recipients per batch; can only lower the worker's page size (`audience.batchSize`). */
    batchSize: z.number().int().min(1).max(maxBatchRecipients).default(100),
  })
  .strict();

const credentialsSchema = z.object({ apiKey: z.string().min(1) }).strict();

type CrmCall = ChannelCall<z.infer<typeof configSchema>, z.infer<typeof credentialsSchema>>;

/**
 * A customer's CRM (PRODUCT §10.1): the audience lives there, so the worker reads it page by page
 * and sends one batch per page, the CRM filling merge tags per recipient. The CRM drops a repeated
 * `idempotency_key`, and its lookup by key resolves a batch whose answer never came.
 */
export const crm = defineChannel({
  id: 'crm',
  label: 'CRM (email batches)',
  channels: ['email'],
  configSchema,
  credentialsSchema,
  audience: {
    batchSize: 100,
    async listRecipients(call, page) {
      const limit = Math.min(page.limit, call.config.batchSize);
      const response = await attempt(
        () => listSubscribers(endpointOf(call), { limit, cursor: page.cursor }),
        'read',
      );
      return toAudiencePage(response.body);
    },
  },
  async publish(call, message) {
    assertWithinLimits(message.content);
    const body = toBatchBody(message);
    const response = await attempt(() => sendBatch(endpointOf(call), body), 'write');
    return toReceipt(response.body);
  },
  async status(call, { idempotencyKey }) {
    const endpoint = endpointOf(call);
    const response = await transportOnly(() => findBatchByKey(endpoint, idempotencyKey));
    return toStatus(response);
  },
});

function endpointOf(call: CrmCall): CrmEndpoint {
  return { baseUrl: call.config.baseUrl, apiKey: call.credentials.apiKey, policy: call.outbound };
}

/** Runs one request; a transport failure or a non-2xx answer becomes the worker's union. */
async function attempt(
  request: () => Promise<JsonResponse>,
  kind: 'write' | 'read',
): Promise<JsonResponse> {
  const response = await transportOnly(request, kind);
  if (response.status < 200 || response.status > 299) throw answerError(response);
  return response;
}

/** Maps transport failures only: the caller reads every status itself (a lookup's 404). */
async function transportOnly(
  request: () => Promise<JsonResponse>,
  kind: 'write' | 'read' = 'read',
): Promise<JsonResponse> {
  try {
    return await request();
  } catch (error) {
    throw transportFailure(error, kind);
  }
}
