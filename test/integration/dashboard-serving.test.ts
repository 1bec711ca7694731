import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDashboardFiles } from '../../src/http/dashboard-files.ts';
import { dashboardDir } from '../../src/http/routes/dashboard.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// The dashboard is static: web/dist, built by `npm install` (postinstall), served from memory.
describe('the dashboard is served as static files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(() => t.close());

  it('answers every dashboard page with index.html, revalidated, with the page security policy', async () => {
    for (const url of ['/', '/login', '/setup', '/campaigns/abc', '/settings/members']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('serves hashed assets immutable, gzipped when asked, and 304 for a known ETag', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/' });
    const script = /src="\/assets\/([^"]+\.js)"/.exec(index.body)?.[1];
    expect(script).toBeDefined();
    const url = `/assets/${script}`;
    const plain = await t.app.inject({ method: 'GET', url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const gzipped = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);

    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('keeps unknown paths and assets the API’s JSON 404', async () => {
    for (const url of ['/assets/nope.js', '/no/such/route', '/v1/nothing']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });

  it('reads nothing when the dashboard was never built', () => {
    expect(loadDashboardFiles(mkdtempSync(join(tmpdir(), 'toombos-no-dashboard-')))).toBeNull();
    expect(loadDashboardFiles(dashboardDir)?.assets.size).toBeGreaterThan(0);
  });
});
