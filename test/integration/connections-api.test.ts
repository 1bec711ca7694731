import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAdapters, providerIds } from '../../src/channels/registry.ts';
import { connections } from '../../src/db/publishing-schema.ts';
import { getConnection } from '../../src/db/queries/connections.ts';
import { findEventBySubject } from '../../src/db/queries/events.ts';
import { decryptSecret } from '../../src/lib/crypto.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface ConnectionView {
  id: string;
  name: string;
  provider: string;
  channel: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  rateLimit: { max: number; perSeconds: number } | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** Each real provider of the registry with a channel it publishes: `crm` and `platform` today. */
const realProviders = providerIds
  .filter((id) => id !== 'sandbox')
  .map((id) => ({ provider: id, channel: channelAdapters[id].channels[0] as string }));

/** Real adapters take `{ baseUrl }` and `{ apiKey }` (the mocks' contracts). */
const SECRET = `sk_test_${randomUUID()}`;
const realBody = (provider: string, channel: string) => ({
  name: `${provider} destination`,
  provider,
  channel,
  config: { baseUrl: 'https://destination.example.test' },
  credentials: { apiKey: SECRET },
});

describe.each(databaseKinds)('connections API on %s', (kind) => {
  let t: TestApp;
  let key = '';
  let workspaceId = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    ({ adminKey: key, workspaceId } = await t.createWorkspace());
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });
  const fieldsOf = (body: string) =>
    (JSON.parse(body) as Problem).errors?.map((error) => error.field) ?? [];

  it('has a non-sandbox provider to test against', () => {
    expect(realProviders.length).toBeGreaterThan(0);
  });

  it.each(realProviders)(
    'creates a $provider connection whose credentials never come back',
    async ({ provider, channel }) => {
      const created = await call('POST', '/v1/connections', {
        ...realBody(provider, channel),
        rateLimit: { max: 10, perSeconds: 60 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const view = created.json<ConnectionView>();
      expect(view).toMatchObject({
        provider,
        channel,
        config: { baseUrl: 'https://destination.example.test' },
        hasCredentials: true,
        rateLimit: { max: 10, perSeconds: 60 },
        status: 'active',
      });
      expect(Object.keys(view)).not.toContain('credentials');

      const got = await call('GET', `/v1/connections/${view.id}`);
      expect(got.statusCode, got.body).toBe(200);
      const list = await call('GET', '/v1/connections?limit=200');
      expect(list.statusCode, list.body).toBe(200);
      const renamed = await call('PATCH', `/v1/connections/${view.id}`, { name: 'Renamed' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      for (const response of [created, got, list, renamed])
        expect(response.body).not.toContain(SECRET);

      // Stored sealed: not the plaintext, and the key opens it back to the JSON given.
      const row = await getConnection(t.database.db, { workspaceId, id: view.id });
      expect(row?.credentials).toBeTruthy();
      expect(row?.credentials).not.toContain(SECRET);
      expect(JSON.parse(decryptSecret(row?.credentials ?? '', t.secretKey))).toEqual({
        apiKey: SECRET,
      });
      // The event log names the connection, never its secret.
      const event = await findEventBySubject(t.database.db, {
        workspaceId,
        type: 'connection.created',
        subjectType: 'connection',
        subjectId: view.id,
      });
      expect(event?.data).toMatchObject({ provider, channel });
      expect(JSON.stringify(event)).not.toContain(SECRET);
    },
  );

  it('creates a sandbox connection without credentials, and refuses a second for the channel', async () => {
    const body = { name: 'Outbox', provider: 'sandbox', channel: 'linkedin' };
    const first = await call('POST', '/v1/connections', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<ConnectionView>()).toMatchObject({
      provider: 'sandbox',
      config: {},
      hasCredentials: false,
      rateLimit: null,
    });
    const second = await call('POST', '/v1/connections', { ...body, name: 'Outbox again' });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json<Problem>().code).toBe('conflict');
    // Another channel has its own sandbox.
    const other = await call('POST', '/v1/connections', { ...body, channel: 'x' });
    expect(other.statusCode, other.body).toBe(201);
  });

  it('answers 400 naming the fields at fault', async () => {
    const unknown = await call('POST', '/v1/connections', {
      name: 'Nowhere',
      provider: 'carrier-pigeon',
      channel: 'email',
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['body.provider']);
    for (const provider of providerIds) expect(unknown.body).toContain(provider);

    for (const { provider, channel } of realProviders) {
      const supported: readonly string[] = channelAdapters[provider].channels;
      const wrongChannel = supported.includes('x') ? undefined : 'x';
      if (wrongChannel) {
        const response = await call('POST', '/v1/connections', {
          ...realBody(provider, channel),
          channel: wrongChannel,
        });
        expect(response.statusCode, response.body).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['body.channel']);
      }
      const bad = await call('POST', '/v1/connections', {
        ...realBody(provider, channel),
        config: { baseUrl: 'ftp://nope', colour: 'blue' },
        credentials: {},
      });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(fieldsOf(bad.body).sort()).toEqual([
        'body.config.baseUrl',
        'body.config.colour',
        'body.credentials.apiKey',
      ]);
      const noCredentials = await call('POST', '/v1/connections', {
        name: 'No key',
        provider,
        channel,
        config: { baseUrl: 'https://destination.example.test' },
      });
      expect(noCredentials.statusCode, noCredentials.body).toBe(400);
      expect(fieldsOf(noCredentials.body)).toEqual(['body.credentials.apiKey']);
      expect(bad.body + noCredentials.body).not.toContain(SECRET);
    }
    const sandboxWithKey = await call('POST', '/v1/connections', {
      name: 'Sandbox',
      provider: 'sandbox',
      channel: 'email',
      credentials: { apiKey: SECRET },
    });
    expect(sandboxWithKey.statusCode).toBe(400);
    expect(fieldsOf(sandboxWithKey.body)).toEqual(['body.credentials.apiKey']);
    expect(sandboxWithKey.body).not.toContain(SECRET);
  });

  it('keeps the credentials on a PATCH without new ones, and replaces them with new ones', async () => {
    const [real] = realProviders;
    if (!real) throw new Error('no real provider');
    const created = (
      await call('POST', '/v1/connections', realBody(real.provider, real.channel))
    ).json<ConnectionView>();
    const stored = async () =>
      (await getConnection(t.database.db, { workspaceId, id: created.id }))?.credentials ?? '';
    const sealed = await stored();

    for (const body of [
      { name: 'Renamed' },
      { credentials: {} },
      { config: { baseUrl: 'https://other.example.test' }, rateLimit: { max: 5, perSeconds: 1 } },
    ]) {
      const response = await call('PATCH', `/v1/connections/${created.id}`, body);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ConnectionView>().hasCredentials).toBe(true);
      expect(await stored()).toBe(sealed);
    }
    const current = (await call('GET', `/v1/connections/${created.id}`)).json<ConnectionView>();
    expect(current).toMatchObject({
      name: 'Renamed',
      config: { baseUrl: 'https://other.example.test' },
      rateLimit: { max: 5, perSeconds: 1 },
    });
    const unlimited = await call('PATCH', `/v1/connections/${created.id}`, { rateLimit: null });
    expect(unlimited.json<ConnectionView>().rateLimit).toBeNull();

    const badConfig = await call('PATCH', `/v1/connections/${created.id}`, {
      config: { baseUrl: 'not a url' },
    });
    expect(badConfig.statusCode, badConfig.body).toBe(400);
    expect(fieldsOf(badConfig.body)).toEqual(['body.config.baseUrl']);
    const immutable = await call('PATCH', `/v1/connections/${created.id}`, {
      provider: 'sandbox',
      channel: 'x',
    });
    expect(immutable.statusCode, immutable.body).toBe(400);
    expect(fieldsOf(immutable.body).sort()).toEqual(['body.channel', 'body.provider']);

    // A refused connection comes back to active with new credentials.
    await t.database.db
      .update(connections)
      .set({ status: 'needs_reconnect' })
      .where(eq(connections.id, created.id));
    const newSecret = `sk_new_${randomUUID()}`;
    const reconnected = await call('PATCH', `/v1/connections/${created.id}`, {
      credentials: { apiKey: newSecret },
    });
    expect(reconnected.statusCode, reconnected.body).toBe(200);
    expect(reconnected.json<ConnectionView>().status).toBe('active');
    expect(reconnected.body).not.toContain(newSecret);
    expect(JSON.parse(decryptSecret(await stored(), t.secretKey))).toEqual({ apiKey: newSecret });
    const event = await findEventBySubject(t.database.db, {
      workspaceId,
      type: 'connection.updated',
      subjectType: 'connection',
      subjectId: created.id,
    });
    expect(event).toBeTruthy();
  });

  it('lists with a cursor', async () => {
    const { adminKey } = await t.createWorkspace();
    for (const channel of ['email', 'web', 'x']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/connections',
        headers: bearer(adminKey),
        payload: { name: channel, provider: 'sandbox', channel },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const page = (cursor?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/v1/connections?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(adminKey),
      });
    const first = (await page()).json<{ data: ConnectionView[]; next_cursor: string | null }>();
    expect(first.data.map((c) => c.name)).toEqual(['email', 'web']);
    const second = (await page(first.next_cursor ?? '')).json<{
      data: ConnectionView[];
      next_cursor: string | null;
    }>();
    expect(second.data.map((c) => c.name)).toEqual(['x']);
    expect(second.next_cursor).toBeNull();
  });

  it('deletes an unused connection (204, then 404) and refuses one deliveries refer to (409)', async () => {
    const [real] = realProviders;
    if (!real) throw new Error('no real provider');
    const unused = (
      await call('POST', '/v1/connections', realBody(real.provider, real.channel))
    ).json<ConnectionView>();
    const deleted = await call('DELETE', `/v1/connections/${unused.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await call('GET', `/v1/connections/${unused.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/v1/connections/${unused.id}`)).statusCode).toBe(404);

    // A campaign scheduled far ahead through a connection: its delivery refers to it.
    const { adminKey } = await t.createWorkspace();
    const as = (method: 'POST' | 'DELETE' | 'GET', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(adminKey), ...(payload && { payload }) });
    const connection = (
      await as('POST', '/v1/connections', { name: 'X outbox', provider: 'sandbox', channel: 'x' })
    ).json<ConnectionView>();
    const campaign = await as('POST', '/v1/campaigns', {
      name: 'Later',
      items: [{ title: 'A calm news item', content: 'Some calm news for later.' }],
      channels: ['x'],
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const scheduled = await as(
      'POST',
      `/v1/campaigns/${campaign.json<{ id: string }>().id}/schedule`,
      {
        at: '2099-01-01T09:00:00Z',
        connections: { x: connection.id },
      },
    );
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const refused = await as('DELETE', `/v1/connections/${connection.id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({ code: 'conflict' });
    expect(refused.json<Problem>().detail).toMatch(/deliveries/i);
    expect((await as('GET', `/v1/connections/${connection.id}`)).statusCode).toBe(200);
  });

  it('lets `read` keys look and only `admin` keys change', async () => {
    const reader = await call('POST', '/v1/api-keys', {
      name: 'writer',
      scopes: ['read', 'write', 'publish'],
    });
    const writerKey = reader.json<{ key: string }>().key;
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(writerKey), ...(payload && { payload }) });
    expect((await as('GET', '/v1/connections')).statusCode).toBe(200);
    const refused = await as('POST', '/v1/connections', {
      name: 'Nope',
      provider: 'sandbox',
      channel: 'web',
    });
    expect(refused.statusCode, refused.body).toBe(403);
  });
});
