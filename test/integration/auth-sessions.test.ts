import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asMember,
  invite,
  PASSWORD,
  type SessionBody,
  type SignedIn,
  sessionCookie,
  setup,
} from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

describe.each(databaseKinds)('dashboard auth sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Many sign-ins from one address within a minute: the throttle has its own test below.
    t = await startTestApp(kind, { PASSWORD_ATTEMPTS_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  it('completes a setup link once, then the session cookie works with CSRF and logout ends it', async () => {
    const { setupToken, ownerId, workspaceId, adminKey } = await t.createWorkspace();
    const first = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: setupToken, password: PASSWORD, name: 'Olive Owner' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const cookie = sessionCookie(first);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.maxAge).toBe(14 * 24 * 3600);
    expect(cookie.secure).toBeFalsy();
    const body = first.json<SessionBody>();
    expect(body).toMatchObject({
      role: 'owner',
      scopes: ['read', 'write', 'publish', 'admin'],
      member: { id: ownerId, name: 'Olive Owner', status: 'active' },
      workspace: { id: workspaceId, name: 'Test workspace' },
    });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|setupToken|scrypt/);

    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: setupToken, password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json<{ detail: string }>().detail).toMatch(/already used/);

    const owner: SignedIn = { cookie: cookie.value, csrf: body.csrfToken, body };
    const session = await asMember(t, owner, 'GET', '/v1/auth/session', undefined, false);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ csrfToken: body.csrfToken, member: { id: ownerId } });

    const noCsrf = await asMember(t, owner, 'PATCH', '/v1/workspace', { name: 'A' }, false);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json<{ detail: string }>().detail).toMatch(/X-CSRF-Token/);
    const wrongCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      cookies: { toombos_session: owner.cookie },
      headers: { 'x-csrf-token': 'nope' },
      payload: { name: 'A' },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    const withCsrf = await asMember(t, owner, 'PATCH', '/v1/workspace', { name: 'Renamed' });
    expect(withCsrf.statusCode, withCsrf.body).toBe(200);
    const invitedNoCsrf = await asMember(
      t,
      owner,
      'POST',
      '/v1/members',
      { email: 'x@example.test', name: 'X', role: 'viewer' },
      false,
    );
    expect(invitedNoCsrf.statusCode).toBe(403);

    // An API key is not a cookie: no CSRF token needed.
    const viaKey = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace',
      headers: bearer(adminKey),
      payload: { name: 'By key' },
    });
    expect(viaKey.statusCode).toBe(200);

    expect((await asMember(t, owner, 'POST', '/v1/auth/logout', undefined, false)).statusCode).toBe(
      403,
    );
    const logout = await asMember(t, owner, 'POST', '/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    const cleared = sessionCookie(logout);
    expect(cleared.value).toBe('');
    const after = await asMember(t, owner, 'GET', '/v1/auth/session');
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('rejects a setup with a short password or unknown fields, and an unknown token', async () => {
    const { setupToken } = await t.createWorkspace();
    const short = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: setupToken, password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json())).toMatch(/body\.password/);
    const extra = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: setupToken, password: PASSWORD, admin: true },
    });
    expect(extra.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: 'not-a-token', password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('logs in with email and password; wrong password and unknown email get the same 401', async () => {
    const { setupToken } = await t.createWorkspace();
    const email = `login-${randomUUID()}@example.test`;
    await setup(t, setupToken, { email });

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: 'not the right password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.cookies).toHaveLength(0);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: `nobody-${randomUUID()}@example.test`, password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json<{ detail: string }>().detail).toBe(wrong.json<{ detail: string }>().detail);

    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(sessionCookie(ok)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(ok.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(ok.headers['set-cookie']).toMatch(/SameSite=Lax/);
    const session = await t.app.inject({
      method: 'GET',
      url: '/v1/auth/session',
      cookies: { toombos_session: sessionCookie(ok).value },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ member: { email }, role: 'owner' });
  });

  it('asks for the workspace slug when one email and password open several workspaces', async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const email = `shared-${randomUUID()}@example.test`;
    const inA = await invite(t, a.adminKey, 'editor', email);
    const inB = await invite(t, b.adminKey, 'viewer', email);
    await setup(t, inA.setupToken);
    const signedB = await setup(t, inB.setupToken);

    const ambiguous = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json<{ detail: string }>().detail).toMatch(/workspace/);
    expect(ambiguous.body).not.toContain(signedB.body.workspace.slug);

    const chosen = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password: PASSWORD, workspace: signedB.body.workspace.slug },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ role: 'viewer', workspace: { id: b.workspaceId } });
  });

  it("forbids a viewer's cookie from admin writes, and removal signs the member out", async () => {
    const { adminKey } = await t.createWorkspace();
    const invited = await invite(t, adminKey, 'viewer');
    const viewer = await setup(t, invited.setupToken);
    expect(viewer.body).toMatchObject({ role: 'viewer', scopes: ['read'] });

    expect((await asMember(t, viewer, 'GET', '/v1/workspace')).statusCode).toBe(200);
    const patch = await asMember(t, viewer, 'PATCH', '/v1/workspace', { name: 'Mine now' });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'forbidden', requiredScope: 'admin' });
    expect((await asMember(t, viewer, 'GET', '/v1/members')).statusCode).toBe(200);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/v1/members/${invited.id}`,
      headers: bearer(adminKey),
    });
    expect(removed.statusCode).toBe(204);
    expect((await asMember(t, viewer, 'GET', '/v1/auth/session')).statusCode).toBe(401);
  });

  it('serves the setup page (the dashboard, which reads the token from the fragment)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/setup' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="root">');
  });
});

describe('password attempt throttle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { PASSWORD_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address exceeds its sign-in attempts', async () => {
    // Windows are clock minutes: start well inside one so the five attempts share it.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'nobody@example.test', password: 'not the password' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
  });
});
