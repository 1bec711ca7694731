import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

// Stateless: no database work, so PGlite alone is enough here.
describe('POST /v1/parse', () => {
  let t: TestApp;
  let key = '';
  beforeAll(async () => {
    t = await startTestApp('pglite');
    key = (await t.createWorkspace()).adminKey;
  });
  afterAll(() => t.close());

  it('parses a living document into items and warnings', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: bearer(key),
      payload: { text: weekly },
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ strategy: string; items: Array<{ section: string }> }>();
    expect(result.strategy).toBe('markdown');
    const counts: Record<string, number> = {};
    for (const item of result.items) counts[item.section] = (counts[item.section] ?? 0) + 1;
    expect(counts).toEqual({ app: 3, hardware: 2, tips: 3, vision: 1 });
  });

  it('honours a forced strategy', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/parse',
      headers: bearer(key),
      payload: { text: weekly, strategy: 'freeform' },
    });
    expect(response.json<{ strategy: string }>().strategy).toBe('freeform');
  });

  it('answers bad input with 4xx problem+json', async () => {
    const cases = [
      { payload: '', type: 'application/json', status: 400 },
      {
        payload: JSON.stringify({ text: weekly, strategy: 'yaml' }),
        type: 'application/json',
        status: 400,
      },
      {
        payload: Buffer.from([
          0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d,
        ]),
        type: 'application/json',
        status: 400,
      },
      {
        payload: JSON.stringify({ text: 'x'.repeat(50 * 1024 * 1024) }),
        type: 'application/json',
        status: 413,
      },
    ];
    for (const { payload, type, status } of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/parse',
        headers: { ...bearer(key), 'content-type': type },
        payload,
      });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
