import {
  type JsonResponse,
  parseRetryAfter,
  RequestJsonError,
} from '../../lib/outbound/request-json.ts';
import type {
  AudiencePage,
  OutgoingMessage,
  PublishReceipt,
  Recipient,
  StatusLookup,
} from '../outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../publish-error.ts';
import {
  type CrmBatchBody,
  type CrmSubscriber,
  crmBatchAnswerSchema,
  crmErrorSchema,
  crmSubscriberPageSchema,
} from './client.ts';

/** When a 429 carries no readable `Retry-After`. */
export const defaultRetryAfterMs = 60_000;
/** The contract's cap on recipients per batch. */
export const maxBatchRecipients = 1000;

/** Every string field but the address becomes a merge var, so `{{first_name|there}}` fills in. */
export function toRecipient(subscriber: CrmSubscriber): Recipient {
  const mergeVars: Record<string, string> = {};
  for (const [name, value] of Object.entries(subscriber))
    if (name !== 'email' && typeof value === 'string') mergeVars[name] = value;
  return { email: subscriber.email, mergeVars };
}

export function toAudiencePage(body: unknown): AudiencePage {
  const page = crmSubscriberPageSchema.safeParse(body);
  if (!page.success) throw unexpectedAnswer('the subscriber list');
  return { recipients: page.data.subscribers.map(toRecipient), nextCursor: page.data.next_cursor };
}

/** The batch request; a message without recipients is the worker's bug, never sent. */
export function toBatchBody(message: OutgoingMessage): CrmBatchBody {
  const { content, recipients = [] } = message;
  if (content.channel !== 'email')
    throw new PublishError('rejected', `A CRM connection sends email, not ${content.channel}.`);
  if (recipients.length === 0)
    throw new PublishError('rejected', 'The batch has no recipients; nothing was sent.');
  if (recipients.length > maxBatchRecipients)
    throw new PublishError(
      'rejected',
      `The batch has ${recipients.length} recipients; the CRM takes at most ${maxBatchRecipients}.`,
    );
  return {
    subject: content.subject,
    html: content.html,
    text: content.text,
    recipients: recipients.map(({ email, mergeVars }) => ({ email, merge_vars: mergeVars })),
    campaign_id: message.campaignId,
    idempotency_key: message.idempotencyKey,
  };
}

/** A 2xx answer (new or duplicate) to the batch; unreadable, it may still have been stored. */
export function toReceipt(body: unknown): PublishReceipt {
  const answer = crmBatchAnswerSchema.safeParse(body);
  if (!answer.success)
    throw new OutcomeUnknownError('The CRM accepted the batch but its answer has no batch_id.');
  return { remoteId: answer.data.batch_id, remoteUrl: null };
}

/** The lookup by idempotency key: 200 found, 404 never stored. */
export function toStatus(response: JsonResponse, now = new Date()): StatusLookup {
  if (response.status === 404) return { found: false };
  if (response.status < 200 || response.status > 299) throw answerError(response, now);
  const answer = crmBatchAnswerSchema.safeParse(response.body);
  if (!answer.success) throw unexpectedAnswer('the batch lookup');
  return { found: true, remoteId: answer.data.batch_id, remoteUrl: null };
}

/** A non-2xx answer as the worker's closed union. */
export function answerError(response: JsonResponse, now = new Date()): PublishError {
  const { status } = response;
  const vendor = vendorError(response.body);
  const vendorCode = vendor.code ?? `http_${status}`;
  const said = `The CRM answered ${status}: ${vendor.message.replace(/\.$/, '')}.`;
  if (status === 401 || status === 403)
    return new PublishError('auth_expired', `${said} Reconnect the CRM with a valid API key.`, {
      vendorCode,
    });
  if (status === 429) {
    const retryAfterMs =
      parseRetryAfter(response.headers['retry-after'], now) ?? defaultRetryAfterMs;
    return new PublishError('rate_limited', said, { vendorCode, retryAfterMs });
  }
  if (status >= 400 && status < 500 && status !== 408)
    return new PublishError('rejected', said, { vendorCode });
  // 408, 5xx and anything unexpected (1xx, 3xx): the CRM did not take it; worth another try.
  return new PublishError('transient', said, { vendorCode });
}

/**
 * A transport failure. Before connecting nothing was sent, so it is transient; after, a write may
 * have been stored unanswered (OutcomeUnknownError), while a read is simply retried.
 */
export function transportFailure(error: unknown, request: 'write' | 'read'): Error {
  if (!(error instanceof RequestJsonError)) {
    if (request === 'read' && error instanceof Error) return error;
    return new OutcomeUnknownError('The CRM call failed unexpectedly.', { cause: error });
  }
  if (error.phase === 'response' && request === 'write')
    return new OutcomeUnknownError(`The CRM did not answer: ${error.message}`, { cause: error });
  return new PublishError('transient', `The CRM could not be reached: ${error.message}`, {
    vendorCode: error.code,
    cause: error,
  });
}

function vendorError(body: unknown): { code: string | undefined; message: string } {
  const parsed = crmErrorSchema.safeParse(body);
  if (!parsed.success) {
    const text = typeof body === 'string' ? body.trim().slice(0, 200) : '';
    return { code: undefined, message: text || 'no error message' };
  }
  const { code, message = '', details = [] } = parsed.data.error;
  // Validation messages often already name each field; add only the details they leave out.
  const extra = details
    .filter((detail) => !message.includes(detail.message))
    .map((detail) => `${detail.field}: ${detail.message}`);
  return { code, message: [message, ...extra].filter(Boolean).join('; ') || 'no error message' };
}

function unexpectedAnswer(what: string): PublishError {
  return new PublishError('transient', `The CRM answered ${what} in an unexpected shape.`, {
    vendorCode: 'unexpected_answer',
  });
}
