import { describe, expect, it } from 'vitest';
import type { MockCrmStats } from './state.ts';
import { batch, startForTest } from './test-helpers.ts';

async function stats(call: (path: string) => Promise<Response>): Promise<MockCrmStats> {
  return (await (await call('/api/v1/stats')).json()) as MockCrmStats;
}

describe('mock CRM subject triggers', () => {
  it('"invalid" → 400 and nothing stored', async () => {
    const { call, send } = await startForTest();
    const response = await send(batch({ subject: 'An INVALID subject' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_request',
    );
    expect(await stats(call)).toMatchObject({ batches: 0, rejected: { invalid: 1 } });
  });

  it('"error" → 500 and nothing stored', async () => {
    const { call, send } = await startForTest();
    const response = await send(batch({ subject: 'Error in the pipes' }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal', message: 'Simulated CRM failure: subject contains "error"' },
    });
    expect(await stats(call)).toMatchObject({ batches: 0, rejected: { error: 1 } });
  });

  it('"ratelimit" → 429 with Retry-After and nothing stored (extension)', async () => {
    const { call, send } = await startForTest();
    const response = await send(batch({ subject: 'ratelimit me' }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await stats(call)).toMatchObject({ batches: 0, rejected: { ratelimit: 1 } });
  });

  it('"slow" → stored and answered after slowMs', async () => {
    const { call, send } = await startForTest({ slowMs: 50 });
    const started = performance.now();
    const response = await send(batch({ subject: 'A slow one' }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(response.status).toBe(202);
    expect(await stats(call)).toMatchObject({ batches: 1, slow: 1 });
  });

  it('"timeout" → the client times out, yet the batch was accepted and can be found', async () => {
    const { call, send } = await startForTest({ hangMs: 300 });
    const body = batch({ subject: 'timeout please', idempotency_key: 'hang-1' });
    await expect(send(body, AbortSignal.timeout(100))).rejects.toThrow(/abort|timeout/i);

    const found = await call('/api/v1/email/batch?idempotency_key=hang-1');
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ status: 'accepted', accepted: 2 });
    expect(await stats(call)).toMatchObject({ batches: 1, timeouts: 1 });

    // Resending instead of looking up is answered as a duplicate, never a second batch.
    const resent = await send(body);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ duplicate: true });
    expect(await stats(call)).toMatchObject({ batches: 1, duplicates: 1 });
  });

  it('close() does not wait for a hanging "timeout" response', async () => {
    const { crm, send } = await startForTest({ hangMs: 60_000 });
    const pending = send(batch({ subject: 'timeout' })).then(
      (response) => response.status,
      () => 'failed',
    );
    await expect.poll(() => crm.state.stats.timeouts).toBe(1);
    const started = performance.now();
    await crm.close();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect([503, 'failed']).toContain(await pending);
  });
});
