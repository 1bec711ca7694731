import { z } from 'zod';
import type { JsonResponse } from '../../lib/outbound/request-json.ts';
import { assertWithinLimits } from '../check-limits.ts';
import { type ChannelCall, defineChannel } from '../define-channel.ts';
import { createContent, findContentByKey, type PlatformEndpoint } from './client.ts';
import { answerError, toContentBody, toReceipt, toStatus, transportFailure } from './map.ts';

const configSchema = z
  .object({
    baseUrl: z.url({
      protocol: /^https?$/,
      error: 'baseUrl must be an http:// or https:// address',
    }),
    status: z.enum(['published', 'draft']).default('published'),
    type: z.enum(['post', 'page']).default('post'),
  })
  .strict();

const credentialsSchema = z.object({ apiKey: z.string().min(1) }).strict();

type PlatformCall = ChannelCall<z.infer<typeof configSchema>, z.infer<typeof credentialsSchema>>;

/**
 * A customer's website CMS (PRODUCT §10.2): one post per web delivery. The delivery's key goes out
 * as `Idempotency-Key`, so a repeat answers the first post, and the list filtered by that key
 * resolves a post whose answer never came.
 */
export const platform = defineChannel({
  id: 'platform',
  label: 'Website platform',
  channels: ['web'],
  configSchema,
  credentialsSchema,
  audience: null,
  async publish(call, message) {
    assertWithinLimits(message.content);
    const body = toContentBody(message, call.config);
    const response = await transportOnly(
      () => createContent(endpointOf(call), body, message.idempotencyKey),
      'write',
    );
    if (response.status < 200 || response.status > 299) throw answerError(response);
    return toReceipt(response.body);
  },
  async status(call, { idempotencyKey }) {
    const endpoint = endpointOf(call);
    const response = await transportOnly(() => findContentByKey(endpoint, idempotencyKey), 'read');
    return toStatus(response);
  },
});

function endpointOf(call: PlatformCall): PlatformEndpoint {
  return { baseUrl: call.config.baseUrl, apiKey: call.credentials.apiKey, policy: call.outbound };
}

async function transportOnly(
  request: () => Promise<JsonResponse>,
  kind: 'write' | 'read',
): Promise<JsonResponse> {
  try {
    return await request();
  } catch (error) {
    throw transportFailure(error, kind);
  }
}
