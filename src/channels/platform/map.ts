import type { JsonResponse } from '../../lib/outbound/request-json.ts';
import { classifyAnswer, transportFailure as transportFailureOf } from '../http-answers.ts';
import type { OutgoingMessage, PublishReceipt, StatusLookup } from '../outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../publish-error.ts';
import { type PlatformContentBody, platformCreatedSchema, platformListSchema } from './client.ts';

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

// Unlike the CRM, a 403 here is the Platform refusing this content (a permission on the post),
// not a dead key: only 401 asks to reconnect.
const destination = { name: 'The Platform', authStatuses: [401] } as const;

/** A non-2xx answer as the worker's closed union (see http-answers.ts). */
export function answerError(response: JsonResponse, now = new Date()): PublishError {
  return classifyAnswer(destination, response, now);
}

/** A transport failure: transient before connecting, unknown for a write after (http-answers.ts). */
export function transportFailure(error: unknown, request: 'write' | 'read'): Error {
  return transportFailureOf(destination, error, request);
}
