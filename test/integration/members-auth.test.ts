import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

// Every setup and login runs scrypt (~0.3 s): each test hashes as few passwords as it can.
const PASSWORD = 'correct horse battery staple';

interface SessionBody {
  csrfToken: string;
  role: string;
  scopes: string[];
  member: { id: string; email: string; status: string };
  workspace: { id: string; slug: string; name: string };
}

interface SignedIn {
  cookie: string;
  csrf: string;
  body: SessionBody;
}

function sessionCookie(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((c) => c.name === 'toombos_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie;
}

describe.each(databaseKinds)('members and dashboard auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Many sign-ins from one address within a minute: the throttle has its own test below.
    t = await startTestApp(kind, { PASSWORD_ATTEMPTS_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  async function setup(token: string, extra: Record<string, string> = {}): Promise<SignedIn> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token, password: PASSWORD, ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<SessionBody>();
    return { cookie: sessionCookie(response).value, csrf: body.csrfToken, body };
  }

  async function invite(adminKey: string, role: string, email = `m-${randomUUID()}@example.test`) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/members',
      headers: bearer(adminKey),
      payload: { email, name: 'Invited', role },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; setupToken: string; setupUrl: string; status: string }>();
  }

  function asMember(
    who: SignedIn,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    csrf = true,
  ) {
    return t.app.inject({
      method,
      url,
      cookies: { toombos_session: who.cookie },
      headers: csrf ? { 'x-csrf-token': who.csrf } : {},
      ...(payload && { payload }),
    });
  }

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
    const session = await asMember(owner, 'GET', '/v1/auth/session', undefined, false);
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ csrfToken: body.csrfToken, member: { id: ownerId } });

    const noCsrf = await asMember(owner, 'PATCH', '/v1/workspace', { name: 'A' }, false);
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
    const withCsrf = await asMember(owner, 'PATCH', '/v1/workspace', { name: 'Renamed' });
    expect(withCsrf.statusCode, withCsrf.body).toBe(200);
    const invitedNoCsrf = await asMember(
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

    expect((await asMember(owner, 'POST', '/v1/auth/logout', undefined, false)).statusCode).toBe(
      403,
    );
    const logout = await asMember(owner, 'POST', '/v1/auth/logout');
    expect(logout.statusCode).toBe(204);
    const cleared = sessionCookie(logout);
    expect(cleared.value).toBe('');
    const after = await asMember(owner, 'GET', '/v1/auth/session');
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
    await setup(setupToken, { email });

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
    const inA = await invite(a.adminKey, 'editor', email);
    const inB = await invite(b.adminKey, 'viewer', email);
    await setup(inA.setupToken);
    const signedB = await setup(inB.setupToken);

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
    const invited = await invite(adminKey, 'viewer');
    const viewer = await setup(invited.setupToken);
    expect(viewer.body).toMatchObject({ role: 'viewer', scopes: ['read'] });

    expect((await asMember(viewer, 'GET', '/v1/workspace')).statusCode).toBe(200);
    const patch = await asMember(viewer, 'PATCH', '/v1/workspace', { name: 'Mine now' });
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'forbidden', requiredScope: 'admin' });
    expect((await asMember(viewer, 'GET', '/v1/members')).statusCode).toBe(200);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/v1/members/${invited.id}`,
      headers: bearer(adminKey),
    });
    expect(removed.statusCode).toBe(204);
    expect((await asMember(viewer, 'GET', '/v1/auth/session')).statusCode).toBe(401);
  });

  it('invites, lists, updates and removes members through an admin key', async () => {
    const { adminKey, ownerId } = await t.createWorkspace();
    const email = `Ed-${randomUUID()}@Example.test`;
    const invited = await t.app.inject({
      method: 'POST',
      url: '/v1/members',
      headers: bearer(adminKey),
      payload: { email, name: 'Ed', role: 'editor' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const member = invited.json<{ id: string; setupToken: string; setupUrl: string }>();
    expect(invited.json()).toMatchObject({
      email: email.toLowerCase(),
      role: 'editor',
      status: 'pending',
    });
    expect(member.setupUrl).toMatch(/\/setup#token=/);
    expect(member.setupUrl.endsWith(member.setupToken)).toBe(true);

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/v1/members',
      headers: bearer(adminKey),
      payload: { email: email.toUpperCase(), name: 'Ed again', role: 'viewer' },
    });
    expect(duplicate.statusCode).toBe(409);
    const badRole = await t.app.inject({
      method: 'POST',
      url: '/v1/members',
      headers: bearer(adminKey),
      payload: { email: 'r@example.test', name: 'R', role: 'emperor' },
    });
    expect(badRole.statusCode).toBe(400);
    const ownerByKey = await t.app.inject({
      method: 'POST',
      url: '/v1/members',
      headers: bearer(adminKey),
      payload: { email: 'o@example.test', name: 'O', role: 'owner' },
    });
    expect(ownerByKey.statusCode).toBe(403);

    const first = await t.app.inject({
      method: 'GET',
      url: '/v1/members?limit=1',
      headers: bearer(adminKey),
    });
    expect(first.statusCode).toBe(200);
    const page1 = first.json<{ data: { id: string }[]; next_cursor: string | null }>();
    expect(page1.data.map((m) => m.id)).toEqual([ownerId]);
    expect(page1.next_cursor).not.toBeNull();
    const second = await t.app.inject({
      method: 'GET',
      url: `/v1/members?limit=5&cursor=${page1.next_cursor}`,
      headers: bearer(adminKey),
    });
    const page2 = second.json<{ data: object[]; next_cursor: string | null }>();
    expect(page2.data).toHaveLength(1);
    expect(page2.data[0]).toMatchObject({ id: member.id, status: 'pending' });
    expect(page2.next_cursor).toBeNull();
    expect(second.body).not.toMatch(/setupToken|passwordHash|tokenHash/);

    const updated = await t.app.inject({
      method: 'PATCH',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
      payload: { role: 'reviewer', name: 'Edwina' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ role: 'reviewer', name: 'Edwina' });
    const strict = await t.app.inject({
      method: 'PATCH',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
      payload: { password: 'x' },
    });
    expect(strict.statusCode).toBe(400);
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);

    const got = await t.app.inject({
      method: 'GET',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
    });
    expect(got.json()).toMatchObject({ id: member.id, role: 'reviewer' });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.app.inject({
      method: 'GET',
      url: `/v1/members/${member.id}`,
      headers: bearer(adminKey),
    });
    expect(gone.statusCode).toBe(404);
    // The removed member's setup link died with them.
    const lateSetup = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/setup',
      payload: { token: member.setupToken, password: PASSWORD },
    });
    expect(lateSetup.statusCode).toBe(401);
  });

  it('keeps the last owner: no demotion or removal; only an owner manages owners', async () => {
    const { setupToken, ownerId, adminKey } = await t.createWorkspace();
    const owner = await setup(setupToken);

    const demote = await asMember(owner, 'PATCH', `/v1/members/${ownerId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<{ detail: string }>().detail).toMatch(/last owner/);
    const remove = await asMember(owner, 'DELETE', `/v1/members/${ownerId}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json<{ detail: string }>().detail).toMatch(/last owner/);
    const byKey = await t.app.inject({
      method: 'DELETE',
      url: `/v1/members/${ownerId}`,
      headers: bearer(adminKey),
    });
    expect(byKey.statusCode).toBe(403);
    const renameByKey = await t.app.inject({
      method: 'PATCH',
      url: `/v1/members/${ownerId}`,
      headers: bearer(adminKey),
      payload: { name: 'Still owner' },
    });
    expect(renameByKey.statusCode).toBe(200);

    // An owner may make another owner, after which stepping down is fine.
    const second = await asMember(owner, 'POST', '/v1/members', {
      email: `co-${randomUUID()}@example.test`,
      name: 'Co-owner',
      role: 'owner',
    });
    expect(second.statusCode, second.body).toBe(201);
    const stepDown = await asMember(owner, 'PATCH', `/v1/members/${ownerId}`, { role: 'admin' });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect(stepDown.json()).toMatchObject({ role: 'admin' });
    // The role is read live: the same cookie is now an admin, who may not touch owners.
    const session = await asMember(owner, 'GET', '/v1/auth/session');
    expect(session.json()).toMatchObject({ role: 'admin' });
    const secondId = second.json<{ id: string }>().id;
    const demoteOther = await asMember(owner, 'PATCH', `/v1/members/${secondId}`, {
      role: 'viewer',
    });
    expect(demoteOther.statusCode).toBe(403);
  });

  // Outcome check only: whether the two transactions truly interleave depends on timing; the
  // owner-row lock (lockOwners) is what guarantees the outcome when they do.
  it('keeps exactly one owner when both owners are demoted at once', async () => {
    const { setupToken, ownerId } = await t.createWorkspace();
    const owner = await setup(setupToken);
    const second = await asMember(owner, 'POST', '/v1/members', {
      email: `co-${randomUUID()}@example.test`,
      name: 'Co-owner',
      role: 'owner',
    });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json<{ id: string }>().id;
    const results = await Promise.all(
      [ownerId, secondId].map((id) =>
        asMember(owner, 'PATCH', `/v1/members/${id}`, { role: 'admin' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const list = await asMember(owner, 'GET', '/v1/members');
    const roles = list.json<{ data: { role: string }[] }>().data.map((m) => m.role);
    expect(roles.filter((role) => role === 'owner')).toHaveLength(1);
  });

  it("answers 404 for another workspace's members and 400 for a malformed id", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const inB = await invite(b.adminKey, 'editor');
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { name: 'Hijacked' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await t.app.inject({
        method,
        url: `/v1/members/${inB.id}`,
        headers: bearer(a.adminKey),
        ...(payload && { payload }),
      });
      expect(response.statusCode, `${method} ${response.body}`).toBe(404);
    }
    const ownerOfB = await t.app.inject({
      method: 'GET',
      url: `/v1/members/${b.ownerId}`,
      headers: bearer(a.adminKey),
    });
    expect(ownerOfB.statusCode).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/members',
      headers: bearer(a.adminKey),
    });
    expect(list.json<{ data: { id: string }[] }>().data.map((m) => m.id)).toEqual([a.ownerId]);
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/v1/members/not-a-uuid',
      headers: bearer(a.adminKey),
    });
    expect(malformed.statusCode).toBe(400);
    const stillThere = await t.app.inject({
      method: 'GET',
      url: `/v1/members/${inB.id}`,
      headers: bearer(b.adminKey),
    });
    expect(stillThere.json()).toMatchObject({ name: 'Invited' });
  });

  it('serves the static setup page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/setup' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/v1/auth/setup');
    expect(page.body).toContain('<label for="password">');
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
