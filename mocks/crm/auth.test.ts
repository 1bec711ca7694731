import { describe, expect, it } from 'vitest';
import { startForTest } from './test-helpers.ts';

describe('mock CRM auth', () => {
  it('serves /health without a key', async () => {
    const { call } = await startForTest();
    const response = await call('/health', { apiKey: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['missing', null],
    ['wrong', 'not-the-key'],
  ])('rejects a %s X-API-Key on /api/v1 routes with 401', async (_label, apiKey) => {
    const { call } = await startForTest();
    for (const path of ['/api/v1/subscribers', '/api/v1/stats', '/api/v1/email/batch/batch_0001']) {
      const response = await call(path, { apiKey });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
  });

  it('accepts a custom key', async () => {
    const { call } = await startForTest({ apiKey: 'secret-123' });
    expect((await call('/api/v1/subscribers')).status).toBe(200);
    expect((await call('/api/v1/subscribers', { apiKey: 'mock-crm-key' })).status).toBe(401);
  });
});
