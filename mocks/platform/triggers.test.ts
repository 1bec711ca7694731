import { describe, expect, it } from 'vitest';
import { postBody, startForTest } from './testing.ts';

describe('mock Platform title triggers', () => {
  it('rejects "error" with 400 and "forbidden" with 403, storing nothing', async () => {
    const { call } = await startForTest();
    const error = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'An ERROR here' }),
    });
    expect(error.status).toBe(400);
    expect(await error.json()).toEqual({
      error: {
        code: 'rejected',
        message: 'Simulated Platform rejection: title contains "error"',
      },
    });
    const forbidden = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'Forbidden fruit' }),
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await (await call('/api/v1/content')).json()).toEqual({ items: [] });
  });

  it('answers "ratelimit" with 429 and Retry-After: 1', async () => {
    const { call } = await startForTest();
    const limited = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'ratelimit me' }),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('answers "slow" after slowMs, stored', async () => {
    const { call } = await startForTest({ slowMs: 50 });
    const started = Date.now();
    const slow = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'A slow one' }),
    });
    expect(slow.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await (await call('/api/v1/stats')).json()).toMatchObject({ slow: 1, created: 1 });
  });

  it('stores a "timeout" post but holds the answer; the key then finds it', async () => {
    const { call } = await startForTest({ hangMs: 300 });
    const attempt = call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'timeout please' }),
      headers: { 'idempotency-key': 'hang-1' },
      signal: AbortSignal.timeout(100),
    });
    await expect(attempt).rejects.toThrow();
    const found = (await (await call('/api/v1/content?idempotency_key=hang-1')).json()) as {
      items: Array<{ title: string; idempotency_key: string }>;
    };
    expect(found.items).toEqual([
      expect.objectContaining({ title: 'timeout please', idempotency_key: 'hang-1' }),
    ]);
    expect(await (await call('/api/v1/stats')).json()).toMatchObject({ timeouts: 1, created: 1 });
  });

  it('applies triggers to a new title on PATCH', async () => {
    const { call } = await startForTest();
    const created = await call('/api/v1/content', { method: 'POST', body: postBody() });
    const { id } = (await created.json()) as { id: string };
    const patched = await call(`/api/v1/content/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'now forbidden' }),
    });
    expect(patched.status).toBe(403);
    expect(await (await call(`/api/v1/content/${id}`)).json()).toMatchObject({
      title: 'Hello world',
    });
  });

  it('closes at once even while a "timeout" answer is pending', async () => {
    const { platform, call } = await startForTest();
    const pending = call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'timeout forever' }),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await platform.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
