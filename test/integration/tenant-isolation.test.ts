import { randomUUID } from 'node:crypto';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAdapters, providerIds } from '../../src/channels/registry.ts';
import type { App } from '../../src/http/fastify-types.ts';
import type { RouteEntry } from '../../src/http/route-table.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

/**
 * Every route with path params, called with workspace A's admin key and an id from workspace B,
 * must answer 404 and leave B's resource as it was. Routes are walked from the route table, so a
 * new route is covered the day it is registered: it fails here until it has a fixture below.
 */
interface Fixture {
  /**
   * Creates the resource in workspace B through the API; returns the route's path params. `route`
   * is the route under test, for resources whose valid state depends on it.
   */
  create(app: App, adminKeyB: string, route: string): Promise<Record<string, string>>;
  /** B's view of the resource, compared before and after A's attempt. */
  read(app: App, adminKeyB: string, params: Record<string, string>): Promise<unknown>;
  /** A minimal valid body per write method, so validation (which runs first) cannot hide a 404. */
  bodies?: Partial<Record<string, unknown>>;
  /** A body for one route (its URL), where the method's body does not fit it. */
  routeBodies?: Partial<Record<string, unknown>>;
  /** A valid query string per route URL, for routes that require one. */
  queries?: Partial<Record<string, (params: Record<string, string>) => string>>;
}

/** A valid workspace tone, without its id. */
const toneBody = {
  name: 'Calm',
  greeting: 'Hello,',
  closing: 'Thanks, the {brand} team',
  callToAction: 'Read more',
  engagementQuestion: 'What do you think?',
  sentenceLengthTarget: 15,
  emojiCap: {},
  exclamationCap: 0,
  bannedWords: [],
  disclaimers: [],
};

/** A one-item X campaign in workspace B: approved at once (L1), or a draft needing people (L2). */
async function createCampaignOfB(app: App, keyB: string, { featured = false } = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/campaigns',
    headers: bearer(keyB),
    payload: {
      name: 'B campaign',
      items: [{ title: 'B news item', content: 'Some calm news from workspace B.', featured }],
      channels: ['x'],
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; drafts: Array<{ id: string }> }>();
}

/** An L2 campaign of B waiting for approval, created and submitted by a writer key of B. */
async function pendingCampaignOfB(app: App, adminKeyB: string): Promise<string> {
  const writer = await app.inject({
    method: 'POST',
    url: '/v1/api-keys',
    headers: bearer(adminKeyB),
    payload: { name: 'B writer', scopes: ['read', 'write'] },
  });
  const writerKey = writer.json<{ key: string }>().key;
  const campaign = await createCampaignOfB(app, writerKey, { featured: true });
  const submitted = await app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaign.id}/submit`,
    headers: bearer(writerKey),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return campaign.id;
}

/** Creates a small markdown source in workspace B (synced at once, so it has a snapshot). */
async function createSourceOfB(app: App, adminKeyB: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/sources',
    headers: bearer(adminKeyB),
    payload: {
      kind: 'markdown',
      name: 'B notes',
      text: '# B\n\n## News\n\n### One item\n\nBody.\n',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ source: { id: string; latestSnapshotId: string } }>().source;
}

/** Keyed by the route URL up to its first parameter (`/v1/api-keys/:id` → `/v1/api-keys`). */
const fixtures: Record<string, Fixture> = {
  '/v1/webhooks': {
    async create(app, adminKeyB) {
      // A loopback URL: the SSRF guard refuses it at once, so test sends need no network.
      const response = await app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(adminKeyB),
        payload: { url: 'http://127.0.0.1:9/hook', eventTypes: ['campaign.*'] },
      });
      expect(response.statusCode, response.body).toBe(201);
      const id = response.json<{ id: string }>().id;
      const test = await app.inject({
        method: 'POST',
        url: `/v1/webhooks/${id}/test`,
        headers: bearer(adminKeyB),
      });
      expect(test.statusCode, test.body).toBe(200);
      return { id, deliveryId: test.json<{ id: string }>().id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/webhooks/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    bodies: { PATCH: { description: 'Changed by workspace A' } },
  },
  '/v1/api-keys': {
    async create(app, adminKeyB) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(adminKeyB),
        payload: { name: 'owned by B', scopes: ['read'] },
      });
      expect(response.statusCode, response.body).toBe(201);
      return { id: response.json<{ id: string }>().id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/api-keys/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  },
  '/v1/members': {
    async create(app, adminKeyB) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/members',
        headers: bearer(adminKeyB),
        payload: { email: `member-${randomUUID()}@example.test`, name: 'B member', role: 'viewer' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return { id: response.json<{ id: string }>().id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/members/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    bodies: { PATCH: { name: 'Renamed by workspace A', role: 'editor' } },
  },
  '/v1/sources': {
    async create(app, adminKeyB) {
      return { id: (await createSourceOfB(app, adminKeyB)).id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/sources/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    bodies: {
      PATCH: { name: 'Renamed by workspace A' },
      POST: { text: '# Replaced by workspace A\n' },
    },
  },
  '/v1/connections': {
    // A real provider (several per channel allowed, unlike the sandbox): its mock contract's shape.
    async create(app, adminKeyB) {
      const provider = providerIds.find((id) => id !== 'sandbox') ?? 'sandbox';
      const response = await app.inject({
        method: 'POST',
        url: '/v1/connections',
        headers: bearer(adminKeyB),
        payload: {
          name: 'B destination',
          provider,
          channel: channelAdapters[provider].channels[0],
          config: { baseUrl: 'https://b.example.test' },
          credentials: { apiKey: 'b-secret' },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return { id: response.json<{ id: string }>().id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/connections/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    bodies: { PATCH: { name: 'Renamed by workspace A' } },
  },
  '/v1/campaigns': {
    // Submission: a draft needing people (L2). Decisions: submitted by a writer key of B, so
    // that B's admin key may decide (the admin override). Scheduling, publishing, cancelling:
    // approved at once (L1).
    async create(app, adminKeyB, route) {
      if (route.endsWith('/submit'))
        return { id: (await createCampaignOfB(app, adminKeyB, { featured: true })).id };
      if (!/\/(approve|reject|request-changes|review-links)$/.test(route))
        return { id: (await createCampaignOfB(app, adminKeyB)).id };
      return { id: await pendingCampaignOfB(app, adminKeyB) };
    },
    routeBodies: {
      '/v1/campaigns/:id/review-links': { reviewerName: 'B client' },
      '/v1/campaigns/:id/comments': { body: 'A comment from B' },
      '/v1/campaigns/:id/reject': { comment: 'Not for us' },
      '/v1/campaigns/:id/request-changes': { comment: 'Shorter, please' },
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/campaigns/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  },
  '/v1/audit': {
    // An entry of B's log: creating a campaign records one.
    async create(app, adminKeyB) {
      const campaign = await createCampaignOfB(app, adminKeyB);
      const response = await app.inject({
        method: 'GET',
        url: `/v1/audit?resource=campaign:${campaign.id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return { id: response.json<{ data: Array<{ id: string }> }>().data[0]?.id ?? '' };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/audit/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  },
  '/v1/review-links': {
    // A link of B's, created by B's admin key (eligible through the admin override).
    async create(app, adminKeyB) {
      const campaignId = await pendingCampaignOfB(app, adminKeyB);
      const response = await app.inject({
        method: 'POST',
        url: `/v1/campaigns/${campaignId}/review-links`,
        headers: bearer(adminKeyB),
        payload: { reviewerName: 'B client' },
      });
      expect(response.statusCode, response.body).toBe(201);
      return { id: response.json<{ id: string }>().id, campaignId };
    },
    async read(app, adminKeyB, { campaignId }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/campaigns/${campaignId}/review-links`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  },
  '/v1/deliveries': {
    // A cancelled delivery: the one state in which both reading and retrying succeed for B.
    async create(app, adminKeyB) {
      const campaign = await createCampaignOfB(app, adminKeyB);
      const at = new Date(Date.now() + 3_600_000).toISOString();
      const call = (url: string, payload: object) =>
        app.inject({ method: 'POST', url, headers: bearer(adminKeyB), payload });
      const scheduled = await call(`/v1/campaigns/${campaign.id}/schedule`, { at });
      expect(scheduled.statusCode, scheduled.body).toBe(200);
      const cancelled = await call(`/v1/campaigns/${campaign.id}/cancel`, {});
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      return {
        id: cancelled.json<{ deliveries: Array<{ id: string }> }>().deliveries[0]?.id ?? '',
      };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/deliveries/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  },
  '/v1/drafts': {
    async create(app, adminKeyB) {
      const campaign = await createCampaignOfB(app, adminKeyB);
      return { id: campaign.drafts[0]?.id ?? '' };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/drafts/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    bodies: { PATCH: { posts: [{ text: 'Rewritten by workspace A' }] } },
    queries: { '/v1/drafts/:id/versions/diff': () => '?from=1&to=1' },
  },
  '/v1/tones': {
    async create(app, adminKeyB) {
      const id = `calm_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const response = await app.inject({
        method: 'POST',
        url: '/v1/tones',
        headers: bearer(adminKeyB),
        payload: { id, ...toneBody },
      });
      expect(response.statusCode, response.body).toBe(201);
      return { id };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/tones',
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      const tone = response.json<{ data: Array<{ id: string }> }>().data.find((t) => t.id === id);
      expect(tone).toBeDefined();
      return tone;
    },
    bodies: { PUT: { ...toneBody, name: 'Renamed by workspace A' } },
  },
  '/v1/snapshots': {
    async create(app, adminKeyB) {
      const source = await createSourceOfB(app, adminKeyB);
      return { id: source.latestSnapshotId, against: source.latestSnapshotId };
    },
    async read(app, adminKeyB, { id }) {
      const response = await app.inject({
        method: 'GET',
        url: `/v1/snapshots/${id}`,
        headers: bearer(adminKeyB),
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
    queries: { '/v1/snapshots/:id/diff': ({ against = '' }) => `?against=${against}` },
  },
};

function fixtureKey(url: string): string {
  const index = url.indexOf('/:');
  return index === -1 ? url : url.slice(0, index);
}

function fillUrl(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `:${name}`);
}

describe.each(databaseKinds)('tenant isolation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('every route with path params has a fixture', () => {
    const missing = t.app.routeTable
      .filter((route) => route.params.length > 0 && !route.url.includes('*'))
      // Public routes read no workspace (the dashboard's static pages and assets).
      .filter((route) => route.access !== 'public')
      .filter((route) => {
        const fixture = fixtures[fixtureKey(route.url)];
        return !fixture;
      })
      .map(
        (route) =>
          `${route.method} ${route.url}: add a fixture for '${fixtureKey(route.url)}' to ` +
          'test/integration/tenant-isolation.test.ts (create the resource in workspace B, read it back, valid bodies)',
      );
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('answers 404 to workspace A for every resource of workspace B, and leaves it unchanged', async () => {
    const routes = t.app.routeTable.filter(
      (route): route is RouteEntry =>
        route.params.length > 0 &&
        !route.url.includes('*') &&
        fixtures[fixtureKey(route.url)] !== undefined,
    );
    expect(routes.length).toBeGreaterThan(0);
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const failures: string[] = [];
    for (const route of routes) {
      const fixture = fixtures[fixtureKey(route.url)];
      if (!fixture) continue;
      const params = await fixture.create(t.app, b.adminKey, route.url);
      const missingParams = route.params.filter((name) => params[name] === undefined);
      if (missingParams.length > 0) {
        failures.push(
          `${route.method} ${route.url}: the fixture '${fixtureKey(route.url)}' returns no ${missingParams.join(', ')}`,
        );
        continue;
      }
      const url = fillUrl(route.url, params) + (fixture.queries?.[route.url]?.(params) ?? '');
      const needsBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const body =
        fixture.routeBodies?.[route.url] ??
        fixture.bodies?.[route.method] ??
        (needsBody ? {} : undefined);
      const before = await fixture.read(t.app, b.adminKey, params);

      const attempt = await t.app.inject({
        method: route.method as HTTPMethods,
        url,
        headers: bearer(a.adminKey),
        ...(body !== undefined && { payload: body as object }),
      });
      const label = `${route.method} ${url} with workspace A's key`;
      if (attempt.statusCode !== 404) {
        failures.push(`${label}: expected 404, got ${attempt.statusCode} ${attempt.body}`);
      } else if (
        !attempt.headers['content-type']?.toString().startsWith('application/problem+json')
      ) {
        failures.push(`${label}: 404 is not problem+json (${attempt.headers['content-type']})`);
      } else if (route.method !== 'HEAD') {
        const problem = attempt.json<{ status: number; code: string }>();
        if (problem.status !== 404 || problem.code !== 'not_found')
          failures.push(`${label}: problem body ${attempt.body}`);
      }
      const after = await fixture.read(t.app, b.adminKey, params);
      if (JSON.stringify(after) !== JSON.stringify(before))
        failures.push(
          `${label}: B's resource changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
        );

      // The same call by B itself succeeds: the 404 above is isolation, not a bad fixture or body.
      const own = await t.app.inject({
        method: route.method as HTTPMethods,
        url,
        headers: bearer(b.adminKey),
        ...(body !== undefined && { payload: body as object }),
      });
      if (own.statusCode >= 400)
        failures.push(
          `${route.method} ${url} with B's own key: expected success, got ${own.statusCode} ${own.body}` +
            ' (give the fixture a valid body for this method)',
        );
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
