import { describe, expect, it } from 'vitest';
import type { Subscriber, SubscriberPage } from './subscribers.ts';
import { startForTest } from './test-helpers.ts';

describe('mock CRM subscribers', () => {
  it('seeds deterministic subscribers, a few unsubscribed', async () => {
    const { call } = await startForTest();
    const page = (await (await call('/api/v1/subscribers')).json()) as SubscriberPage;
    expect(page.subscribers).toHaveLength(25);
    expect(page.next_cursor).toBeNull();
    expect(page.subscribers[0]).toEqual({
      id: 'sub_001',
      email: 'subscriber001@example.test',
      first_name: 'Ada',
      last_name: 'Lovelace',
      status: 'active',
    });
    const unsubscribed = page.subscribers.filter((s) => s.status === 'unsubscribed');
    expect(unsubscribed.map((s) => s.id)).toEqual(['sub_008', 'sub_016', 'sub_024']);
  });

  it('pages through every active subscriber exactly once', async () => {
    const { call } = await startForTest({ subscribers: 53 });
    const seen: Subscriber[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `status=active&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await call(`/api/v1/subscribers?${query}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as SubscriberPage;
      expect(page.subscribers.length).toBeLessThanOrEqual(7);
      seen.push(...page.subscribers);
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.every((s) => s.status === 'active')).toBe(true);
    expect(ids).toHaveLength(53 - Math.floor(53 / 8));
    expect(pages).toBe(Math.ceil(ids.length / 7));
  });

  it('rejects a bad limit or cursor with 400', async () => {
    const { call } = await startForTest();
    for (const query of ['limit=0', 'limit=501', 'limit=abc', 'status=gone', 'cursor=bogus']) {
      const response = await call(`/api/v1/subscribers?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('invalid_request');
    }
  });
});
