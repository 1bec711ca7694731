import { z } from 'zod';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import { type JsonResponse, requestJson } from '../../lib/outbound/request-json.ts';

/** Where and how to reach one customer's CRM (PRODUCT §10.1, docs/mock-crm.md). */
export interface CrmEndpoint {
  baseUrl: string;
  apiKey: string;
  policy: OutboundPolicy;
}

/** A subscriber as `GET /api/v1/subscribers` lists it; extra string fields become merge vars. */
export const crmSubscriberSchema = z.looseObject({ email: z.string() });
export type CrmSubscriber = z.infer<typeof crmSubscriberSchema>;

export const crmSubscriberPageSchema = z.object({
  subscribers: z.array(crmSubscriberSchema),
  next_cursor: z.string().nullable(),
});

export interface CrmBatchBody {
  subject: string;
  html: string;
  text: string;
  recipients: Array<{ email: string; merge_vars: Record<string, string> }>;
  campaign_id: string;
  idempotency_key: string;
}

/** `202 {batch_id, accepted}`, or `200 {…, duplicate: true}` for a key the CRM already stored. */
export const crmBatchAnswerSchema = z.object({ batch_id: z.string().min(1) });

/** The vendor's error shape: `{error:{code, message, details?:[{field, message}]}}`. */
export function listSubscribers(
  endpoint: CrmEndpoint,
  page: { limit: number; cursor: string | null },
): Promise<JsonResponse> {
  const query = new URLSearchParams({ status: 'active', limit: String(page.limit) });
  if (page.cursor !== null) query.set('cursor', page.cursor);
  return crmRequest(endpoint, 'GET', `/api/v1/subscribers?${query}`);
}

export function sendBatch(endpoint: CrmEndpoint, body: CrmBatchBody): Promise<JsonResponse> {
  return crmRequest(endpoint, 'POST', '/api/v1/email/batch', body);
}

/** An extension of the mock CRM (not §10.1): the batch a key created, or 404. */
export function findBatchByKey(
  endpoint: CrmEndpoint,
  idempotencyKey: string,
): Promise<JsonResponse> {
  const query = new URLSearchParams({ idempotency_key: idempotencyKey });
  return crmRequest(endpoint, 'GET', `/api/v1/email/batch?${query}`);
}

function crmRequest(
  endpoint: CrmEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  // Appended rather than resolved with `new URL(path, base)`, which would drop a base path prefix.
  return requestJson({
    url: `${endpoint.baseUrl.replace(/\/+$/, '')}${path}`,
    method,
    headers: { 'x-api-key': endpoint.apiKey },
    body,
    policy: endpoint.policy,
  });
}
