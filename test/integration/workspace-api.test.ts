import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds, postgresUrl } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

describe.each(databaseKinds)('workspace API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers GET /v1/workspace with the admin key', async () => {
    const { adminKey, workspaceId } = await t.createWorkspace();
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/workspace',
      headers: bearer(adminKey),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: workspaceId,
      name: 'Test workspace',
      timeZone: 'UTC',
    });
    const viaHeader = await t.app.inject({
      method: 'GET',
      url: '/v1/workspace',
      headers: { 'x-api-key': adminKey },
    });
    expect(viaHeader.statusCode).toBe(200);
  });

  it('answers 401 problem+json without a key', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/workspace' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 401,
      code: 'unauthorized',
      type: 'urn:toombos:problem:unauthorized',
    });
  });

  it('answers 403 to a read key on a write route, and 401 to a revoked key', async () => {
    const { adminKey } = await t.createWorkspace();
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminKey),
      payload: { name: 'reader', scopes: ['read'] },
    });
    expect(created.statusCode).toBe(201);
    const reader = created.json<{ id: string; key: string }>();
    const forbidden = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: bearer(reader.key),
      payload: { name: 'x' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'forbidden' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/workspace', headers: bearer(reader.key) }))
        .statusCode,
    ).toBe(200);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${reader.id}`,
      headers: bearer(adminKey),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/v1/workspace',
      headers: bearer(reader.key),
    });
    expect(after.statusCode).toBe(401);
  });

  it('updates the brand profile and rejects unknown fields with the field named', async () => {
    const { adminKey } = await t.createWorkspace();
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: bearer(adminKey),
      payload: { timeZone: 'Europe/Paris', brand: { senderName: 'Stillwave' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      timeZone: 'Europe/Paris',
      brand: { senderName: 'Stillwave' },
    });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: bearer(adminKey),
      payload: { timeZone: 'Mars/Base', colour: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/colour|timeZone/);
  });
});

describe.skipIf(!postgresUrl)('API key revocation across api processes on PostgreSQL', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp('postgres');
    second = await startTestApp('postgres', {}, { sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('stops a key cached by another process once it is revoked', async () => {
    const { adminKey } = await first.createWorkspace();
    const created = await first.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminKey),
      payload: { name: 'reader', scopes: ['read'] },
    });
    const reader = created.json<{ id: string; key: string }>();
    // The second process authenticates the key, and so caches it.
    expect(
      (
        await second.app.inject({
          method: 'GET',
          url: '/v1/workspace',
          headers: bearer(reader.key),
        })
      ).statusCode,
    ).toBe(200);
    const revoked = await first.app.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${reader.id}`,
      headers: bearer(adminKey),
    });
    expect(revoked.statusCode).toBe(200);
    // The api_key.revoked event reaches the second process through LISTEN/NOTIFY and evicts it.
    await waitUntil(
      async () =>
        (
          await second.app.inject({
            method: 'GET',
            url: '/v1/workspace',
            headers: bearer(reader.key),
          })
        ).statusCode === 401,
      { what: 'the second process to refuse the revoked key', timeoutMs: 5_000 },
    );
  });
});
