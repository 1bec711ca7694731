import {
  type JsonResponse,
  parseRetryAfter,
  RequestJsonError,
} from '../../lib/outbound/request-json.ts';
import type { OutgoingMessage, PublishReceipt, StatusLookup } from '../outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../publish-error.ts';
import {
  type PlatformContentBody,
  platformCreatedSchema,
  platformErrorSchema,
  platformListSchema,
} from './client.ts';

/** When a 429 carries no readable `Retry-After`. */
export const defaultRetryAfterMs = 60_000;

/** How a connection publishes: what the CMS should make of each post. */
export interface PlatformPlacement {
  status: 'published' | 'draft';
  type: 'post' | 'page';
}

export function toContentBody(
  message: OutgoingMessage,
  placement: PlatformPlacement,
): PlatformContentBody {
  const { content } = message;
  if (content.channel !== 'web')
    throw new PublishError(
      'rejected',
      `A Platform connection publishes web posts, not ${content.channel}.`,
    );
  return {
    title: content.title,
    content_html: content.html,
    excerpt: content.excerpt,
    slug: content.slug,
    type: placement.type,
    status: placement.status,
    tags: content.tags,
    seo: { title: content.seoTitle, description: content.metaDescription },
  };
}

/** A 2xx answer (new or duplicate); unreadable, the post may exist all the same. */
export function toReceipt(body: unknown): PublishReceipt {
  const answer = platformCreatedSchema.safeParse(body);
  if (!answer.success)
    throw new OutcomeUnknownError('The Platform accepted the post but its answer has no id.');
  return { remoteId: answer.data.id, remoteUrl: answer.data.url ?? null };
}

/** The list filtered by idempotency key: one item found, none never stored. */
export function toStatus(response: JsonResponse, now = new Date()): StatusLookup {
  if (response.status < 200 || response.status > 299) throw answerError(response, now);
  const list = platformListSchema.safeParse(response.body);
  if (!list.success)
    throw new PublishError(
      'transient',
      'The Platform answered the lookup in an unexpected shape.',
      {
        vendorCode: 'unexpected_answer',
      },
    );
  const [item] = list.data.items;
  return item ? { found: true, remoteId: item.id, remoteUrl: item.url ?? null } : { found: false };
}

/**
 * A non-2xx answer as the worker's closed union. Unlike the CRM, a 403 here is the Platform
 * refusing this content (a permission on the post), not a dead key: only 401 asks to reconnect.
 */
export function answerError(response: JsonResponse, now = new Date()): PublishError {
  const { status } = response;
  const vendor = vendorError(response.body);
  const vendorCode = vendor.code ?? `http_${status}`;
  const said = `The Platform answered ${status}: ${vendor.message.replace(/\.$/, '')}.`;
  if (status === 401)
    return new PublishError('auth_expired', `${said} Reconnect it with a valid API key.`, {
      vendorCode,
    });
  if (status === 429) {
    const retryAfterMs =
      parseRetryAfter(response.headers['retry-after'], now) ?? defaultRetryAfterMs;
    return new PublishError('rate_limited', said, { vendorCode, retryAfterMs });
  }
  // 400 invalid, 403 forbidden, 409 slug_taken…: the same post would be refused again.
  if (status >= 400 && status < 500 && status !== 408)
    return new PublishError('rejected', said, { vendorCode });
  return new PublishError('transient', said, { vendorCode });
}

/**
 * A transport failure. Before connecting nothing was sent, so it is transient; after, a write may
 * have created the post unanswered (OutcomeUnknownError), while a read is simply retried.
 */
export function transportFailure(error: unknown, request: 'write' | 'read'): Error {
  if (!(error instanceof RequestJsonError)) {
    if (request === 'read' && error instanceof Error) return error;
    return new OutcomeUnknownError('The Platform call failed unexpectedly.', { cause: error });
  }
  if (error.phase === 'response' && request === 'write')
    return new OutcomeUnknownError(`The Platform did not answer: ${error.message}`, {
      cause: error,
    });
  return new PublishError('transient', `The Platform could not be reached: ${error.message}`, {
    vendorCode: error.code,
    cause: error,
  });
}

function vendorError(body: unknown): { code: string | undefined; message: string } {
  const parsed = platformErrorSchema.safeParse(body);
  if (!parsed.success) {
    const text = typeof body === 'string' ? body.trim().slice(0, 200) : '';
    return { code: undefined, message: text || 'no error message' };
  }
  const { code, message = '', details = [] } = parsed.data.error;
  // Validation messages already name each field; add only the details they leave out.
  const extra = details
    .filter((detail) => !message.includes(detail.message))
    .map((detail) => `${detail.field}: ${detail.message}`);
  return { code, message: [message, ...extra].filter(Boolean).join('; ') || 'no error message' };
}
