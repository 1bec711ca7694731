import { describe, expect, it } from 'vitest';
import { postBody, startForTest } from './testing.ts';

describe('mock Platform idempotency', () => {
  it('answers a repeated Idempotency-Key with the original post and counts a duplicate', async () => {
    const { call } = await startForTest();
    const send = () =>
      call('/api/v1/content', {
        method: 'POST',
        body: postBody(),
        headers: { 'idempotency-key': 'run-1:post-1' },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const original = (await first.json()) as { id: string; url: string; status: string };

    const repeat = await send();
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual({ ...original, duplicate: true });

    const list = (await (await call('/api/v1/content')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
    const stats = await (await call('/api/v1/stats')).json();
    expect(stats).toMatchObject({ created: 1, duplicates: 1 });

    const found = await call('/api/v1/content?idempotency_key=run-1%3Apost-1');
    expect(await found.json()).toMatchObject({ items: [{ id: original.id }] });
    const none = await call('/api/v1/content?idempotency_key=other');
    expect(await none.json()).toEqual({ items: [] });
  });
});
