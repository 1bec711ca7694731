import { describe, expect, it } from 'vitest';
import { postBody, startForTest } from './testing.ts';

describe('mock Platform stats and reset', () => {
  it('counts what happened and resets content and counters', async () => {
    const { call } = await startForTest();
    const created = await call('/api/v1/content', { method: 'POST', body: postBody() });
    const { id } = (await created.json()) as { id: string };
    await call(`/api/v1/content/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ excerpt: 'New' }),
    });
    await call('/api/v1/content', { method: 'POST', body: postBody({ title: 'error' }) });
    await call('/api/v1/content', { method: 'POST', body: postBody({ title: 'forbidden' }) });
    await call('/api/v1/content', { method: 'POST', body: postBody({ title: 'ratelimit' }) });
    await call('/api/v1/content', { method: 'POST', body: postBody({ type: 'nope' }) });
    await call(`/api/v1/content/${id}`, { method: 'DELETE' });

    const stats = await (await call('/api/v1/stats')).json();
    expect(stats).toEqual({
      created: 1,
      updated: 1,
      deleted: 1,
      duplicates: 0,
      rejected: { error: 1, forbidden: 1, ratelimit: 1, invalid: 1 },
      timeouts: 0,
      slow: 0,
      requests: 7,
    });

    await call('/api/v1/content', { method: 'POST', body: postBody({ slug: 'kept' }) });
    const reset = await call('/api/v1/test-data', { method: 'DELETE' });
    expect(reset.status).toBe(204);
    expect(await (await call('/api/v1/content')).json()).toEqual({ items: [] });
    expect(await (await call('/api/v1/stats')).json()).toMatchObject({ created: 0, requests: 1 });
  });
});
