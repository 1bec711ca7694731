import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteWorker,
  latestHeartbeat,
  upsertWorkerHeartbeat,
} from '../../src/db/queries/workers.ts';
import { workers } from '../../src/db/schema.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WINDOW_MS = 60_000;

function expectProblem(response: LightMyRequestResponse, status: number): Record<string, unknown> {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json<Record<string, unknown>>();
  expect(problem.status).toBe(status);
  return problem;
}

/**
 * Rate limits count in fixed one-minute windows aligned on the clock. A test that needs its
 * requests in one window starts early in a window: if fewer than 15 s are left, it waits for the
 * next one (computed from the clock, not guessed).
 */
async function startOfFreshWindow(): Promise<void> {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

describe.each(databaseKinds)('HTTP conventions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function createKey(
    adminKey: string,
    body: Record<string, unknown>,
  ): Promise<{ id: string; key: string }> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminKey),
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; key: string }>();
  }

  async function listKeys(adminKey: string): Promise<Array<{ id: string; name: string }>> {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/api-keys?limit=200',
      headers: bearer(adminKey),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ data: Array<{ id: string; name: string }> }>().data;
  }

  describe('request ids', () => {
    it('echoes a well-formed incoming X-Request-Id', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': 'client-req.42:a' },
      });
      expect(response.headers['x-request-id']).toBe('client-req.42:a');
    });

    it('generates one when none (or a malformed one) is sent', async () => {
      const none = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(none.headers['x-request-id']).toMatch(UUID);
      const bad = await t.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': 'spaces and <tags>' },
      });
      expect(bad.headers['x-request-id']).toMatch(UUID);
      const problem = await t.app.inject({ method: 'GET', url: '/v1/workspace' });
      expect(problem.headers['x-request-id']).toMatch(UUID);
    });
  });

  it('sends security headers on answers and on errors: a no-content policy on JSON, a page policy on HTML', async () => {
    for (const url of ['/health/live', '/v1/workspace', '/no/such/route']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers['x-frame-options'], url).toBe('DENY');
    }
    for (const url of ['/setup', '/docs/']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['content-security-policy'], url).toMatch(
        /default-src 'self'.*object-src 'none'/,
      );
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('allows CORS preflights from configured origins only', async () => {
    const withCors = await startTestApp(kind, { CORS_ORIGINS: 'https://app.example' });
    try {
      const preflight = (origin: string) =>
        withCors.app.inject({
          method: 'OPTIONS',
          url: '/v1/workspace',
          headers: {
            origin,
            'access-control-request-method': 'PATCH',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
      const allowed = await preflight('https://app.example');
      expect(allowed.statusCode).toBeLessThan(300);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      expect(String(allowed.headers['access-control-allow-methods'])).toMatch(/PATCH/);
      const actual = await withCors.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { origin: 'https://app.example' },
      });
      expect(actual.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(String(actual.headers['access-control-expose-headers'])).toMatch(/X-Request-Id/i);
      const other = await preflight('https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      // Without CORS_ORIGINS no origin is allowed.
      const none = await t.app.inject({
        method: 'OPTIONS',
        url: '/v1/workspace',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
      });
      expect(none.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' });
    const problem = expectProblem(response, 404);
    expect(problem).toMatchObject({ code: 'not_found', type: 'urn:toombos:problem:not_found' });
    expect(String(problem.detail)).toContain('/v1/nothing-here');
  });

  describe('Idempotency-Key on POST /v1/api-keys', () => {
    it('replays the first response for the same key and body, and creates one key', async () => {
      const { adminKey } = await t.createWorkspace();
      const idempotencyKey = `create-${randomUUID()}`;
      const send = (payload: Record<string, unknown>) =>
        t.app.inject({
          method: 'POST',
          url: '/v1/api-keys',
          headers: { ...bearer(adminKey), 'idempotency-key': idempotencyKey },
          payload,
        });
      const body = { name: 'idempotent', scopes: ['read'] };
      const first = await send(body);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const second = await send(body);
      expect(second.statusCode).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.headers['content-type']).toBe(first.headers['content-type']);
      expect(second.body).toBe(first.body);
      expect(second.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
      // Same body with its fields in another order is the same request.
      const reordered = await send({ scopes: ['read'], name: 'idempotent' });
      expect(reordered.headers['idempotent-replayed']).toBe('true');

      const created = (await listKeys(adminKey)).filter((key) => key.name === 'idempotent');
      expect(created).toHaveLength(1);

      const different = await send({ name: 'something else', scopes: ['read'] });
      expectProblem(different, 422);
      expect((await listKeys(adminKey)).some((key) => key.name === 'something else')).toBe(false);
    });

    it('keeps the keys of different principals apart', async () => {
      const { adminKey } = await t.createWorkspace();
      const secondAdmin = await createKey(adminKey, { name: 'second admin', scopes: ['admin'] });
      const otherWorkspace = await t.createWorkspace();
      const idempotencyKey = `shared-${randomUUID()}`;
      const body = { name: 'same key, other principal', scopes: ['read'] };
      const ids = new Set<string>();
      for (const key of [adminKey, secondAdmin.key, otherWorkspace.adminKey]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/v1/api-keys',
          headers: { ...bearer(key), 'idempotency-key': idempotencyKey },
          payload: body,
        });
        expect(response.statusCode, response.body).toBe(201);
        expect(response.headers['idempotent-replayed']).toBeUndefined();
        ids.add(response.json<{ id: string }>().id);
      }
      expect(ids.size).toBe(3);
    });
  });

  describe('rate limits', () => {
    it('sends RateLimit headers and answers 429 with Retry-After past the limit', {
      timeout: 60_000,
    }, async () => {
      const { adminKey } = await t.createWorkspace();
      const limited = await createKey(adminKey, {
        name: 'limited',
        scopes: ['read'],
        rateLimitPerMinute: 3,
      });
      await startOfFreshWindow();
      for (const remaining of [2, 1, 0]) {
        const response = await t.app.inject({
          method: 'GET',
          url: '/v1/workspace',
          headers: bearer(limited.key),
        });
        expect(response.statusCode).toBe(200);
        expect(response.headers['ratelimit-limit']).toBe('3');
        expect(response.headers['ratelimit-remaining']).toBe(String(remaining));
        const reset = Number(response.headers['ratelimit-reset']);
        expect(reset).toBeGreaterThan(0);
        expect(reset).toBeLessThanOrEqual(60);
      }
      const fourth = await t.app.inject({
        method: 'GET',
        url: '/v1/workspace',
        headers: bearer(limited.key),
      });
      const problem = expectProblem(fourth, 429);
      expect(problem.code).toBe('rate_limited');
      const retryAfter = Number(fourth.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(fourth.headers['ratelimit-remaining']).toBe('0');
      // Another key of the same workspace has its own budget.
      const other = await t.app.inject({
        method: 'GET',
        url: '/v1/workspace',
        headers: bearer(adminKey),
      });
      expect(other.statusCode).toBe(200);
    });

    it.runIf(kind === 'postgres')(
      'shares the count between two api processes',
      { timeout: 90_000 },
      async () => {
        const second = await startTestApp('postgres', {}, { sameDatabaseAs: t });
        try {
          const { adminKey } = await t.createWorkspace();
          const limited = await createKey(adminKey, {
            name: 'limited across processes',
            scopes: ['read'],
            rateLimitPerMinute: 3,
          });
          await startOfFreshWindow();
          const statuses: number[] = [];
          for (const instance of [t, second, t, second]) {
            const response = await instance.app.inject({
              method: 'GET',
              url: '/v1/workspace',
              headers: bearer(limited.key),
            });
            statuses.push(response.statusCode);
          }
          expect(statuses).toEqual([200, 200, 200, 429]);
        } finally {
          await second.close();
        }
      },
    );
  });

  describe('pagination', () => {
    it('walks every key exactly once, in order, through next_cursor', async () => {
      const { adminKey } = await t.createWorkspace();
      const created: string[] = [];
      for (let index = 0; index < 5; index += 1)
        created.push((await createKey(adminKey, { name: `page ${index}`, scopes: ['read'] })).id);
      const everything = (await listKeys(adminKey)).map((key) => key.id);
      expect(everything).toHaveLength(6); // the initial admin key, then the five
      expect(new Set(everything.slice(1))).toEqual(new Set(created));

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const response = await t.app.inject({
          method: 'GET',
          url: `/v1/api-keys?limit=2${query}`,
          headers: bearer(adminKey),
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<{ data: Array<{ id: string }>; next_cursor: string | null }>();
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((key) => key.id));
        cursor = page.next_cursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(everything);
    });

    it('answers a cursor it did not issue with a 400 naming querystring.cursor', async () => {
      const { adminKey } = await t.createWorkspace();
      for (const cursor of ['garbage', 'eyJub3QiOiJhIGN1cnNvciJ9', '%00%ff']) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/v1/api-keys?cursor=${cursor}`,
          headers: bearer(adminKey),
        });
        const problem = expectProblem(response, 400);
        expect(problem.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'querystring.cursor' })]),
        );
      }
    });
  });

  describe('health and metrics', () => {
    it('answers /health/live', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/health/live' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'live' });
    });

    // The workers table is global: on a shared PostgreSQL other test files write heartbeats, so
    // "no fresh heartbeat" can only be asserted on this file's private PGlite database.
    it.runIf(kind === 'pglite')('is not ready without a fresh worker heartbeat', async () => {
      expect(await latestHeartbeat(t.database.db)).toBeNull();
      const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'unavailable',
        failing: ['worker'],
        checks: {
          database: { ok: true },
          queue: { ok: true },
          worker: {
            ok: false,
            detail: 'no worker has ever sent a heartbeat',
            workers: 0,
            lastHeartbeatAt: null,
          },
        },
      });
    });

    // PGlite only, like the test above: exact worker counts need a workers table of this file alone.
    it.runIf(kind === 'pglite')('counts only workers with a fresh heartbeat', async () => {
      const fresh = { id: `test-${randomUUID()}`, hostname: hostname(), pid: process.pid };
      const stale = { id: `test-${randomUUID()}`, hostname: hostname(), pid: process.pid };
      await upsertWorkerHeartbeat(t.database.db, fresh);
      await upsertWorkerHeartbeat(t.database.db, stale);
      await t.database.db
        .update(workers)
        .set({ heartbeatAt: sql`now() - interval '5 minutes'` })
        .where(eq(workers.id, stale.id));
      try {
        const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
        expect(response.statusCode, response.body).toBe(200);
        const worker = response.json<{
          checks: { worker: { ok: boolean; workers: number; lastHeartbeatAt: string } };
        }>().checks.worker;
        expect(worker).toMatchObject({ ok: true, workers: 1 });
        const [row] = await t.database.db
          .select({ at: workers.heartbeatAt })
          .from(workers)
          .where(eq(workers.id, fresh.id));
        expect(worker.lastHeartbeatAt).toBe(row?.at.toISOString());
      } finally {
        await deleteWorker(t.database.db, fresh.id);
        await deleteWorker(t.database.db, stale.id);
      }
    });

    it('is ready once a worker heartbeat is fresh', async () => {
      const worker = { id: `test-${randomUUID()}`, hostname: hostname(), pid: process.pid };
      await upsertWorkerHeartbeat(t.database.db, worker);
      try {
        const response = await t.app.inject({ method: 'GET', url: '/health/ready' });
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json()).toMatchObject({ status: 'ready', failing: [] });
        const worker = response.json<{
          checks: { worker: { workers: number; lastHeartbeatAt: string | null } };
        }>().checks.worker;
        expect(worker.workers).toBeGreaterThanOrEqual(1);
        expect(worker.lastHeartbeatAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      } finally {
        await deleteWorker(t.database.db, worker.id);
      }
    });

    it('exposes Prometheus metrics', async () => {
      await t.app.inject({ method: 'GET', url: '/health/live' });
      const response = await t.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      for (const name of [
        'http_requests_total',
        'http_request_duration_seconds',
        'toombos_queue_depth',
        'toombos_worker_heartbeat_timestamp',
        'toombos_approval_pending',
        'process_cpu_seconds_total',
      ])
        expect(response.body).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
      expect(response.body).toMatch(
        /^http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/m,
      );
      expect(response.body).toMatch(/^toombos_approval_pending \d+$/m);
    });
  });
});
