import { z } from 'zod';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import { type JsonResponse, requestJson } from '../../lib/outbound/request-json.ts';

/** Where and how to reach one customer's website CMS (PRODUCT §10.2, docs/mock-platform.md). */
export interface PlatformEndpoint {
  baseUrl: string;
  apiKey: string;
  policy: OutboundPolicy;
}

export interface PlatformContentBody {
  title: string;
  content_html: string;
  excerpt: string;
  slug: string;
  type: 'post' | 'page';
  status: 'published' | 'draft';
  tags: string[];
  seo: { title: string; description: string };
}

/** `201 {id, url, status}`, or `200 {…, duplicate: true}` for an Idempotency-Key already used. */
export const platformCreatedSchema = z.object({ id: z.string().min(1), url: z.string().nullish() });

/** The list extension filtered by key: 0 or 1 item. */
export const platformListSchema = z.object({ items: z.array(platformCreatedSchema) });

/** The vendor's error shape: `{error:{code, message, details?:[{field, message}]}}`. */
/** The key travels as a header: the Platform stores it with the post and drops a repeat. */
export function createContent(
  endpoint: PlatformEndpoint,
  body: PlatformContentBody,
  idempotencyKey: string,
): Promise<JsonResponse> {
  return platformRequest(endpoint, 'POST', '/api/v1/content', body, {
    'idempotency-key': idempotencyKey,
  });
}

/** An extension of the mock Platform (not §10.2): what a key created, without creating anything. */
export function findContentByKey(
  endpoint: PlatformEndpoint,
  idempotencyKey: string,
): Promise<JsonResponse> {
  const query = new URLSearchParams({ idempotency_key: idempotencyKey });
  return platformRequest(endpoint, 'GET', `/api/v1/content?${query}`);
}

function platformRequest(
  endpoint: PlatformEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  // Appended rather than resolved with `new URL(path, base)`, which would drop a base path prefix.
  return requestJson({
    url: `${endpoint.baseUrl.replace(/\/+$/, '')}${path}`,
    method,
    headers: { ...headers, 'x-api-key': endpoint.apiKey },
    body,
    policy: endpoint.policy,
  });
}
