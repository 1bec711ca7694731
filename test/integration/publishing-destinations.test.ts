import { readFileSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockCrm, startMockCrm } from '../../mocks/crm/server.ts';
import { type RunningMockPlatform, startMockPlatform } from '../../mocks/platform/server.ts';
import { deliveries } from '../../src/db/publishing-schema.ts';
import { approveEverythingAutomatically } from '../helpers/approval-policy.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

interface Delivery {
  id: string;
  channel: string;
  state: string;
  batch: number;
  recipientCount: number | null;
  remoteId: string | null;
  remoteUrl: string | null;
  error: { kind: string; message: string } | null;
  attempts: Array<{ outcome: string }>;
}
interface Campaign {
  id: string;
  state: string;
}

const settled = new Set(['published', 'partially_failed', 'failed', 'cancelled']);

describe.each(databaseKinds)('publishing to the mock CRM and Platform on %s', (kind) => {
  let t: TestApp;
  let crm: RunningMockCrm;
  let platform: RunningMockPlatform;
  let admin = '';
  let connections: { email: string; web: string };

  beforeAll(async () => {
    // The CRM holds a `timeout` answer 1.5 s; our client gives up after 400 ms.
    crm = await startMockCrm({ port: 0, hangMs: 1_500, slowMs: 50 });
    platform = await startMockPlatform({ port: 0, hangMs: 1_500, slowMs: 50 });
    t = await startTestApp(kind, {
      PRIVATE_NETWORK_ALLOWLIST: '127.0.0.1',
      OUTBOUND_TIMEOUT_MS: '400',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_MAX_ATTEMPTS: '2',
    });
    await t.work();
    admin = (await t.createWorkspace()).adminKey;
    // These tests are about publishing: weekly digests (L2 by default) are approved at once here.
    await approveEverythingAutomatically(t, admin);
    const connect = async (payload: object) => {
      const response = await call('POST', '/v1/connections', payload);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    connections = {
      email: await connect({
        name: 'Mock CRM',
        provider: 'crm',
        channel: 'email',
        config: { baseUrl: crm.url },
        credentials: { apiKey: crm.apiKey },
      }),
      web: await connect({
        name: 'Mock Platform',
        provider: 'platform',
        channel: 'web',
        config: { baseUrl: platform.url },
        credentials: { apiKey: platform.apiKey },
      }),
    };
  });
  afterAll(async () => {
    await t?.close();
    await crm?.close();
    await platform?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(admin), ...(payload && { payload }) });
  const stats = async (mock: { url: string; apiKey: string }) =>
    (
      await fetch(`${mock.url}/api/v1/stats`, { headers: { 'x-api-key': mock.apiKey } })
    ).json() as Promise<Record<string, number>>;
  const publish = async (campaign: object, named: Record<string, string> = connections) => {
    const created = await call('POST', '/v1/campaigns', campaign);
    expect(created.statusCode, created.body).toBe(201);
    const { id, state } = created.json<Campaign>();
    expect(state).toBe('approved');
    const published = await call('POST', `/v1/campaigns/${id}/publish`, { connections: named });
    expect(published.statusCode, published.body).toBe(200);
    const campaignState = await waitUntil(
      async () => {
        const current = (await call('GET', `/v1/campaigns/${id}`)).json<Campaign>();
        return settled.has(current.state) && current.state;
      },
      { what: `campaign ${id} to settle` },
    );
    const deliveries = (await call('GET', `/v1/deliveries?campaign=${id}`)).json<{
      data: Delivery[];
    }>().data;
    return {
      id,
      state: campaignState,
      deliveries,
      of: (channel: string) => deliveries.filter((d) => d.channel === channel),
    };
  };
  const item = (title: string) => ({
    title,
    content: 'Longer exhales calm the nervous system. Try four slow breaths before bed tonight.',
    link: 'https://example.com/breathing',
  });

  it('publishes the demo document: email batches to the CRM, the web post to the Platform, social to the outbox', async () => {
    const source = await call('POST', '/v1/sources', {
      kind: 'markdown',
      name: 'Stillwave weekly',
      text: weekly,
    });
    const sourceId = source.json<{ source: { id: string } }>().source.id;
    const crmBefore = await stats(crm);
    const result = await publish({
      name: 'Week 48',
      sourceId,
      channels: ['email', 'web', 'x', 'linkedin'],
    });
    expect(result.state).toBe('published');
    expect(
      result.deliveries.every((delivery) => delivery.state === 'sent' && delivery.remoteId),
    ).toBe(true);
    const [batch] = result.of('email');
    expect(batch?.remoteId).toMatch(/^batch_/);
    // 25 seeded subscribers, every 8th unsubscribed: 22 active, one batch of up to 100.
    expect(batch?.recipientCount).toBe(22);
    const [web] = result.of('web');
    expect(web?.remoteUrl).toMatch(new RegExp(`^${platform.url}/posts/`));
    const page = await fetch(web?.remoteUrl ?? '');
    expect(page.status).toBe(200);
    const crmAfter = await stats(crm);
    expect(crmAfter.batches).toBe((crmBefore.batches ?? 0) + 1);
    expect(crmAfter.recipients).toBe((crmBefore.recipients ?? 0) + 22);
    expect(crmAfter.duplicates).toBe(0);
    const outbox = (await call('GET', `/v1/outbox?campaign=${result.id}`)).json<{
      data: Array<{ channel: string }>;
    }>();
    expect(outbox.data.map((message) => message.channel).sort()).toEqual(['linkedin', 'x']);
  });

  it('reports a refused web post as failed with the Platform’s message and the campaign as partially failed', async () => {
    const result = await publish(
      {
        name: 'Refused',
        items: [item('An error in our breathing guide, corrected')],
        channels: ['email', 'web', 'x'],
      },
      { web: connections.web },
    );
    expect(result.state).toBe('partially_failed');
    const [web] = result.of('web');
    expect(web?.state).toBe('failed');
    expect(web?.error?.kind).toBe('rejected');
    expect(web?.error?.message).toContain('Simulated Platform rejection');
    expect(result.of('email')[0]?.state).toBe('sent');
    expect(result.of('x')[0]?.state).toBe('sent');
  });

  it('settles a timed-out batch by a status lookup, never by sending it again', async () => {
    const before = await stats(crm);
    const result = await publish(
      {
        name: 'Hanging',
        items: [item('Why a breathing timeout helps you sleep better')],
        channels: ['email'],
      },
      { email: connections.email },
    );
    expect(result.state).toBe('published');
    const [batch] = result.of('email');
    expect(batch?.state).toBe('sent');
    expect(batch?.remoteId).toMatch(/^batch_/);
    expect(batch?.attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'found']);
    const after = await stats(crm);
    expect(after.batches).toBe((before.batches ?? 0) + 1);
    expect(after.duplicates).toBe(0);
  });

  it('gives up on a destination that keeps rate-limiting after the attempt cap, with its message', async () => {
    const result = await publish(
      {
        name: 'Limited',
        items: [item('Our ratelimit story: calmer breathing for busy weeks')],
        channels: ['web'],
      },
      { web: connections.web },
    );
    expect(result.state).toBe('failed');
    const [web] = result.of('web');
    expect(web?.error?.kind).toBe('rate_limited');
    expect(web?.attempts.map((attempt) => attempt.outcome)).toEqual(['retry', 'failed']);
  });

  it('retries a failed delivery on request, with the same idempotency key', async () => {
    const result = await publish(
      {
        name: 'Retry',
        items: [item('Another error in the breathing guide, fixed')],
        channels: ['web'],
      },
      { web: connections.web },
    );
    const [web] = result.of('web');
    expect(web?.state).toBe('failed');
    const retried = await call('POST', `/v1/deliveries/${web?.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<Delivery>().state).toBe('scheduled');
    const again = await waitUntil(
      async () => {
        const current = (await call('GET', `/v1/deliveries/${web?.id}`)).json<Delivery>();
        return current.state === 'failed' && current.attempts.length === 2 && current;
      },
      { what: 'the retried delivery to settle' },
    );
    expect(again.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'failed']);
    expect((await call('GET', `/v1/campaigns/${result.id}`)).json<Campaign>().state).toBe('failed');
    expect((await call('POST', `/v1/deliveries/${web?.id}/retry`)).statusCode).toBe(200);
  });

  it('marks a connection whose key the CRM refuses as needing reconnection, and fails its delivery', async () => {
    const bad = await call('POST', '/v1/connections', {
      name: 'Stale CRM key',
      provider: 'crm',
      channel: 'email',
      config: { baseUrl: crm.url },
      credentials: { apiKey: 'revoked-key' },
    });
    const badId = bad.json<{ id: string }>().id;
    const result = await publish(
      {
        name: 'Stale key',
        items: [item('Four slow breaths: a calmer evening routine')],
        channels: ['email'],
      },
      { email: badId },
    );
    expect(result.state).toBe('failed');
    expect(result.of('email')[0]?.error?.kind).toBe('auth_expired');
    const connection = (await call('GET', `/v1/connections/${badId}`)).json<{ status: string }>();
    expect(connection.status).toBe('needs_reconnect');
  });

  it('keeps a draft made from a dry_run item in the outbox, whatever connection is named', async () => {
    const before = await stats(platform);
    const result = await publish(
      {
        name: 'Dry run',
        items: [{ ...item('Rehearsal: a calmer breathing routine'), dry_run: true }],
        channels: ['web'],
      },
      { web: connections.web },
    );
    expect(result.state).toBe('published');
    expect(result.of('web')[0]?.remoteId).toMatch(/^outbox:/);
    expect((await stats(platform)).created).toBe(before.created);
  });

  it('enforces a connection’s rate limit across deliveries', async () => {
    const limited = await call('POST', '/v1/connections', {
      name: 'Slow Mastodon sandbox',
      provider: 'sandbox',
      channel: 'mastodon',
      rateLimit: { max: 1, perSeconds: 1 },
    });
    expect(limited.statusCode, limited.body).toBe(201);
    const mastodon = limited.json<{ id: string }>().id;
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        publish(
          {
            name: `Limited ${n}`,
            items: [item(`Calmer evenings, part ${n} of a breathing series`)],
            channels: ['mastodon'],
          },
          { mastodon },
        ),
      ),
    );
    expect(results.map((result) => result.state)).toEqual(['published', 'published', 'published']);
    const ids = results.map((result) => result.of('mastodon')[0]?.id ?? '');
    // The claim time is the worker's clock, the one the rate windows are counted in.
    const rows = await t.database.db
      .select({ sendingAt: deliveries.sendingAt })
      .from(deliveries)
      .where(inArray(deliveries.id, ids));
    const windows = new Set(rows.map((row) => Math.floor((row.sendingAt?.getTime() ?? 0) / 1000)));
    expect(windows.size).toBe(3);
  });
});
