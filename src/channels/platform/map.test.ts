import { describe, expect, it } from 'vitest';
import { type JsonResponse, RequestJsonError } from '../../lib/outbound/request-json.ts';
import { defaultRetryAfterMs } from '../http-answers.ts';
import type { OutgoingMessage } from '../outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from '../publish-error.ts';
import { answerError, toContentBody, toReceipt, toStatus, transportFailure } from './map.ts';

const now = new Date('2030-01-01T00:00:00Z');

function answer(
  status: number,
  body: unknown,
  headers: JsonResponse['headers'] = {},
): JsonResponse {
  return { status, headers, body };
}

const vendor = (code: string, message: string) => ({ error: { code, message } });

describe('answerError', () => {
  it('asks to reconnect only on 401; a 403 refuses this content', () => {
    expect(answerError(answer(401, vendor('unauthorized', 'Wrong key')), now)).toMatchObject({
      kind: 'auth_expired',
    });
    expect(answerError(answer(403, vendor('forbidden', 'Not yours to post')), now)).toMatchObject({
      kind: 'rejected',
      vendorCode: 'forbidden',
      message: 'The Platform answered 403: Not yours to post.',
    });
  });

  it('rejects validation failures and taken slugs with their reason', () => {
    expect(answerError(answer(409, vendor('slug_taken', 'Slug "a" is in use')), now)).toMatchObject(
      {
        kind: 'rejected',
        vendorCode: 'slug_taken',
      },
    );
    const invalid = {
      error: {
        code: 'invalid_request',
        message: 'title: Too big',
        details: [
          { field: 'title', message: 'Too big' },
          { field: 'slug', message: 'bad slug' },
        ],
      },
    };
    expect(answerError(answer(400, invalid), now).message).toBe(
      'The Platform answered 400: title: Too big; slug: bad slug.',
    );
  });

  it('maps 429 with its Retry-After, 60 s when absent', () => {
    const limited = (headers: JsonResponse['headers']) =>
      answerError(answer(429, vendor('rate_limited', 'Slow down'), headers), now);
    expect(limited({ 'retry-after': '1' })).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 1_000,
    });
    expect(limited({}).retryAfterMs).toBe(defaultRetryAfterMs);
  });

  it.each([500, 503, 504, 408])('maps %i to transient', (status) => {
    expect(answerError(answer(status, ''), now)).toMatchObject({ kind: 'transient' });
  });
});

describe('transportFailure', () => {
  it('is transient before connecting and unknown for a write after', () => {
    const refused = new RequestJsonError('connect', 'blocked_address', 'private address');
    const cut = new RequestJsonError('response', 'network', 'socket hang up');
    expect(transportFailure(refused, 'write')).toMatchObject({ kind: 'transient' });
    expect(transportFailure(cut, 'write')).toBeInstanceOf(OutcomeUnknownError);
    expect(transportFailure(cut, 'read')).toBeInstanceOf(PublishError);
  });
});

describe('mapping content and answers', () => {
  const message: OutgoingMessage = {
    deliveryId: 'd1',
    campaignId: 'c1',
    channel: 'web',
    idempotencyKey: 'toombos-d1',
    content: {
      channel: 'web',
      title: 'A title long enough',
      slug: 'a-title',
      excerpt: 'Short.',
      html: '<p>Body</p>',
      tags: ['news', 'march'],
      seoTitle: 'SEO title',
      metaDescription: 'Meta description.',
      canonicalUrl: null,
      jsonLd: {},
      openGraph: {},
      toc: [],
      readingTimeMinutes: 1,
      itemKeys: [],
    },
  };

  it('builds the content body from the web post and the placement', () => {
    expect(toContentBody(message, { status: 'draft', type: 'post' })).toEqual({
      title: 'A title long enough',
      content_html: '<p>Body</p>',
      excerpt: 'Short.',
      slug: 'a-title',
      type: 'post',
      status: 'draft',
      tags: ['news', 'march'],
      seo: { title: 'SEO title', description: 'Meta description.' },
    });
  });

  it('reads receipts, new or duplicate; without an id the outcome is unknown', () => {
    expect(toReceipt({ id: 'p1', url: 'https://site/posts/a', status: 'published' })).toEqual({
      remoteId: 'p1',
      remoteUrl: 'https://site/posts/a',
    });
    expect(toReceipt({ id: 'p1', url: null, duplicate: true })).toEqual({
      remoteId: 'p1',
      remoteUrl: null,
    });
    expect(() => toReceipt({ ok: true })).toThrow(OutcomeUnknownError);
  });

  it('reads the lookup list: one item found, none not found', () => {
    expect(toStatus(answer(200, { items: [{ id: 'p1', url: 'u' }] }), now)).toEqual({
      found: true,
      remoteId: 'p1',
      remoteUrl: 'u',
    });
    expect(toStatus(answer(200, { items: [] }), now)).toEqual({ found: false });
    expect(() => toStatus(answer(401, vendor('unauthorized', 'Wrong key')), now)).toThrow(
      PublishError,
    );
    expect(() => toStatus(answer(200, 'not json'), now)).toThrow(PublishError);
  });
});
