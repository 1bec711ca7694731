import type { JsonResponse } from '../../lib/outbound/request-json.ts';
import { classifyAnswer, transportFailure as transportFailureOf } from '../http-answers.ts';
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
  crmSubscriberPageSchema,
} from './client.ts';

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

const destination = { name: 'The CRM', authStatuses: [401, 403] } as const;

/** A non-2xx answer as the worker's closed union (see http-answers.ts). */
export function answerError(response: JsonResponse, now = new Date()): PublishError {
  return classifyAnswer(destination, response, now);
}

/** A transport failure: transient before connecting, unknown for a write after (http-answers.ts). */
export function transportFailure(error: unknown, request: 'write' | 'read'): Error {
  return transportFailureOf(destination, error, request);
}

function unexpectedAnswer(what: string): PublishError {
  return new PublishError('transient', `The CRM answered ${what} in an unexpected shape.`, {
    vendorCode: 'unexpected_answer',
  });
}
