import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMember, invite, PASSWORD, setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

describe.each(databaseKinds)('members on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Many sign-ins from one address within a minute: the throttle has its own test in
    // auth-sessions.test.ts.
    t = await startTestApp(kind, { PASSWORD_ATTEMPTS_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

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
    const owner = await setup(t, setupToken);

    const demote = await asMember(t, owner, 'PATCH', `/v1/members/${ownerId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<{ detail: string }>().detail).toMatch(/last owner/);
    const remove = await asMember(t, owner, 'DELETE', `/v1/members/${ownerId}`);
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
    const second = await asMember(t, owner, 'POST', '/v1/members', {
      email: `co-${randomUUID()}@example.test`,
      name: 'Co-owner',
      role: 'owner',
    });
    expect(second.statusCode, second.body).toBe(201);
    const stepDown = await asMember(t, owner, 'PATCH', `/v1/members/${ownerId}`, { role: 'admin' });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect(stepDown.json()).toMatchObject({ role: 'admin' });
    // The role is read live: the same cookie is now an admin, who may not touch owners.
    const session = await asMember(t, owner, 'GET', '/v1/auth/session');
    expect(session.json()).toMatchObject({ role: 'admin' });
    const secondId = second.json<{ id: string }>().id;
    const demoteOther = await asMember(t, owner, 'PATCH', `/v1/members/${secondId}`, {
      role: 'viewer',
    });
    expect(demoteOther.statusCode).toBe(403);
  });

  // Outcome check only: whether the two transactions truly interleave depends on timing; the
  // owner-row lock (lockOwners) is what guarantees the outcome when they do.
  it('keeps exactly one owner when both owners are demoted at once', async () => {
    const { setupToken, ownerId } = await t.createWorkspace();
    const owner = await setup(t, setupToken);
    const second = await asMember(t, owner, 'POST', '/v1/members', {
      email: `co-${randomUUID()}@example.test`,
      name: 'Co-owner',
      role: 'owner',
    });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json<{ id: string }>().id;
    const results = await Promise.all(
      [ownerId, secondId].map((id) =>
        asMember(t, owner, 'PATCH', `/v1/members/${id}`, { role: 'admin' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const list = await asMember(t, owner, 'GET', '/v1/members');
    const roles = list.json<{ data: { role: string }[] }>().data.map((m) => m.role);
    expect(roles.filter((role) => role === 'owner')).toHaveLength(1);
  });

  it("answers 404 for another workspace's members and 400 for a malformed id", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const inB = await invite(t, b.adminKey, 'editor');
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
});
