import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface OpenApiDocument {
  [field: string]: unknown;
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

/** Fastify's `/v1/things/:id` is OpenAPI's `/v1/things/{id}`. */
const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe.each(databaseKinds)('OpenAPI document on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function fetchDocument(): Promise<OpenApiDocument> {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.json<OpenApiDocument>();
  }

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('documents every route of the route table that is not hidden', async () => {
    const document = await fetchDocument();
    // HEAD twins of GET routes and the CORS preflight catch-all are not operations of the API;
    // hidden routes (/openapi.json, /docs*, /metrics, /setup) are left out on purpose.
    const routes = t.app.routeTable.filter(
      (route) => !route.hidden && route.method !== 'HEAD' && route.url !== '*',
    );
    expect(routes.map((route) => route.url)).toContain('/v1/api-keys/:id');
    const missing = routes
      .filter((route) => !document.paths[toOpenApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${toOpenApiPath(route.url)}`);
    expect(missing, `not in the OpenAPI paths: ${missing.join(', ')}`).toEqual([]);
    for (const hidden of ['/openapi.json', '/metrics', '/docs', '/setup'])
      expect(Object.keys(document.paths)).not.toContain(hidden);
  });

  it('serves the API reference at /docs as HTML', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
  });
});
