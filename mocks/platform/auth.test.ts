import { describe, expect, it } from 'vitest';
import { startForTest } from './testing.ts';

describe('mock Platform auth', () => {
  it('refuses /api/v1 without the right X-API-Key and leaves /health public', async () => {
    const { platform, call } = await startForTest({ apiKey: 'secret' });
    const missing = await fetch(`${platform.url}/api/v1/content`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await call('/api/v1/content', { headers: { 'x-api-key': 'nope' } });
    expect(wrong.status).toBe(401);
    const right = await call('/api/v1/content');
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ items: [] });
    const health = await fetch(`${platform.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
