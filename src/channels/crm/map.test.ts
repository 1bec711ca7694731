import { describe, expect, it } from 'vitest';
import { type JsonResponse, RequestJsonError } from '../../lib/outbound/request-json.ts';
import { defaultRetryAfterMs } from '../http-answers.ts';
import type { OutgoingMessage } from '../outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../publish-error.ts';
import {
  answerError,
  toAudiencePage,
  toBatchBody,
  toReceipt,
  toRecipient,
  toStatus,
  transportFailure,
} from './map.ts';

const now = new Date('2030-01-01T00:00:00Z');

function answer(
  status: number,
  body: unknown,
  headers: JsonResponse['headers'] = {},
): JsonResponse {
  return { status, headers, body };
}

function vendor(
  code: string,
  message: string,
  details?: Array<{ field: string; message: string }>,
) {
  return { error: details ? { code, message, details } : { code, message } };
}

describe('answerError', () => {
  it.each([401, 403])('maps %i to auth_expired', (status) => {
    const error = answerError(answer(status, vendor('unauthorized', 'Wrong key')), now);
    expect(error).toMatchObject({ kind: 'auth_expired', vendorCode: 'unauthorized' });
    expect(error.message).toContain('Wrong key');
  });

  it('maps 429 with Retry-After in seconds or as a date, 60 s when absent', () => {
    const limited = (headers: JsonResponse['headers']) =>
      answerError(answer(429, vendor('rate_limited', 'Slow down'), headers), now);
    expect(limited({ 'retry-after': '7' })).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7_000,
    });
    expect(limited({ 'retry-after': 'Tue, 01 Jan 2030 00:02:00 GMT' }).retryAfterMs).toBe(120_000);
    expect(limited({}).retryAfterMs).toBe(defaultRetryAfterMs);
    expect(limited({ 'retry-after': 'later' }).retryAfterMs).toBe(defaultRetryAfterMs);
  });

  it.each([500, 502, 503, 408])('maps %i to transient', (status) => {
    expect(answerError(answer(status, 'upstream down'), now)).toMatchObject({
      kind: 'transient',
      vendorCode: `http_${status}`,
      message: expect.stringContaining('upstream down'),
    });
  });

  it("maps other 4xx to rejected with the vendor's message, details and code", () => {
    const error = answerError(
      answer(
        400,
        vendor('invalid_request', 'Invalid batch', [
          { field: 'recipients.3.email', message: 'bad address' },
        ]),
      ),
      now,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ kind: 'rejected', vendorCode: 'invalid_request' });
    expect(error.message).toBe(
      'The CRM answered 400: Invalid batch; recipients.3.email: bad address.',
    );
  });

  it('does not repeat details the message already names', () => {
    const body = vendor('invalid_request', 'Invalid batch: subject: required', [
      { field: 'subject', message: 'required' },
    ]);
    expect(answerError(answer(422, body), now).message).toBe(
      'The CRM answered 422: Invalid batch: subject: required.',
    );
  });
});

describe('transportFailure', () => {
  const connect = new RequestJsonError('connect', 'network', 'connection refused');
  const response = new RequestJsonError('response', 'timeout', 'no answer within 10 s.');

  it('makes a failure before connecting transient', () => {
    expect(transportFailure(connect, 'write')).toMatchObject({
      kind: 'transient',
      vendorCode: 'network',
    });
  });

  it('makes a write that may have arrived unknown, and a read transient', () => {
    expect(transportFailure(response, 'write')).toBeInstanceOf(OutcomeUnknownError);
    expect(transportFailure(response, 'read')).toMatchObject({ kind: 'transient' });
  });

  it('never calls an unexpected write failure a "did not happen"', () => {
    expect(transportFailure(new TypeError('bug'), 'write')).toBeInstanceOf(OutcomeUnknownError);
  });
});

describe('mapping content and answers', () => {
  const message: OutgoingMessage = {
    deliveryId: 'd1',
    campaignId: 'c1',
    channel: 'email',
    idempotencyKey: 'toombos-d1',
    content: {
      channel: 'email',
      template: 'plain',
      subject: 'Monthly news',
      preheader: '',
      html: '<p>Hi {{first_name|there}}</p>',
      text: 'Hi {{first_name|there}}',
      htmlBytes: 30,
      itemKeys: [],
    },
    recipients: [{ email: 'a@example.test', mergeVars: { first_name: 'Ada' } }],
  };

  it('builds the batch body from the email and the recipients', () => {
    expect(toBatchBody(message)).toEqual({
      subject: 'Monthly news',
      html: '<p>Hi {{first_name|there}}</p>',
      text: 'Hi {{first_name|there}}',
      recipients: [{ email: 'a@example.test', merge_vars: { first_name: 'Ada' } }],
      campaign_id: 'c1',
      idempotency_key: 'toombos-d1',
    });
  });

  it('refuses a batch with no recipients or more than the CRM takes', () => {
    const many = Array.from({ length: 1001 }, () => ({ email: 'a@example.test', mergeVars: {} }));
    for (const recipients of [undefined, [], many])
      expect(() => toBatchBody({ ...message, recipients })).toThrow(PublishError);
  });

  it('turns every string field of a subscriber but the address into a merge var', () => {
    expect(
      toRecipient({
        id: 'sub_1',
        email: 'a@example.test',
        first_name: 'Ada',
        last_name: 'L',
        score: 3,
      }),
    ).toEqual({
      email: 'a@example.test',
      mergeVars: { id: 'sub_1', first_name: 'Ada', last_name: 'L' },
    });
  });

  it('reads a subscriber page and refuses an unexpected one', () => {
    const page = { subscribers: [{ id: 's', email: 'a@example.test' }], next_cursor: null };
    expect(toAudiencePage(page)).toEqual({
      recipients: [{ email: 'a@example.test', mergeVars: { id: 's' } }],
      nextCursor: null,
    });
    expect(() => toAudiencePage({ items: [] })).toThrow(PublishError);
  });

  it('reads receipts, new or duplicate; an answer without batch id leaves the outcome unknown', () => {
    expect(toReceipt({ batch_id: 'batch_0001', accepted: 2 })).toEqual({
      remoteId: 'batch_0001',
      remoteUrl: null,
    });
    expect(toReceipt({ batch_id: 'batch_0001', duplicate: true }).remoteId).toBe('batch_0001');
    expect(() => toReceipt('<html>')).toThrow(OutcomeUnknownError);
  });

  it('reads the lookup: 200 found, 404 not found, anything else an error', () => {
    expect(toStatus(answer(200, { batch_id: 'batch_0002' }), now)).toEqual({
      found: true,
      remoteId: 'batch_0002',
      remoteUrl: null,
    });
    expect(toStatus(answer(404, vendor('not_found', 'No batch')), now)).toEqual({ found: false });
    expect(() => toStatus(answer(503, ''), now)).toThrow(PublishError);
  });
});
