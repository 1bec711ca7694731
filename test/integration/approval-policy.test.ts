import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/approvals/default-policy.ts';
import { invite } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

describe.each(databaseKinds)('approval policy API on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let reader = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    const key = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'reader', scopes: ['read'] },
    });
    reader = key.json<{ key: string }>().key;
  });
  afterAll(() => t.close());

  const call = (key: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });

  it('shows the default policy of PRODUCT §6 until the workspace saves its own', async () => {
    const response = await call(reader, 'GET', '/v1/approval-policy');
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json<{
      isDefault: boolean;
      version: number;
      policy: typeof defaultPolicy;
    }>();
    expect(view.isDefault).toBe(true);
    expect(view.version).toBe(0);
    expect(view.policy.levels.map((level) => level.id)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(view.policy.legalStage.approvers.roles).toEqual(['legal']);
  });

  it('saves an edited policy (admin only), counts versions, and keeps it per workspace', async () => {
    const edited = {
      ...defaultPolicy,
      rules: [
        { id: 'blog-l3', description: 'blogs', when: { contentTypes: ['blog'] }, level: 'L3' },
        ...defaultPolicy.rules,
      ],
    };
    expect((await call(reader, 'PUT', '/v1/approval-policy', edited)).statusCode).toBe(403);
    const saved = await call(admin, 'PUT', '/v1/approval-policy', edited);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ isDefault: boolean; version: number }>()).toMatchObject({
      isDefault: false,
      version: 1,
    });
    const again = await call(admin, 'PUT', '/v1/approval-policy', edited);
    expect(again.json<{ version: number }>().version).toBe(2);
    const read = await call(reader, 'GET', '/v1/approval-policy');
    expect(read.json<{ policy: { rules: Array<{ id: string }> } }>().policy.rules[0]?.id).toBe(
      'blog-l3',
    );
    const other = (await t.createWorkspace()).adminKey;
    expect(
      (await call(other, 'GET', '/v1/approval-policy')).json<{ isDefault: boolean }>().isDefault,
    ).toBe(true);
  });

  it('refuses an inconsistent policy with 400 naming the fields, and unknown members with 422', async () => {
    const broken = {
      ...defaultPolicy,
      rules: [{ id: 'x', description: 'x', when: { featured: true }, level: 'L9' }],
      defaultLevel: 'nope',
    };
    const response = await call(admin, 'PUT', '/v1/approval-policy', broken);
    expect(response.statusCode, response.body).toBe(400);
    const fields = response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field);
    expect(fields.join(' ')).toContain('rules.0.level');
    expect(fields.join(' ')).toContain('defaultLevel');

    const stranger = {
      ...defaultPolicy,
      legalStage: {
        ...defaultPolicy.legalStage,
        approvers: { roles: [], members: ['00000000-0000-4000-8000-000000000000'] },
      },
    };
    expect((await call(admin, 'PUT', '/v1/approval-policy', stranger)).statusCode).toBe(422);
    const member = await invite(t, admin, 'reviewer');
    const named = {
      ...defaultPolicy,
      legalStage: { ...defaultPolicy.legalStage, approvers: { roles: [], members: [member.id] } },
    };
    expect((await call(admin, 'PUT', '/v1/approval-policy', named)).statusCode).toBe(200);
  });

  it('gives members workspace-defined labels, sorted and de-duplicated', async () => {
    const member = await invite(t, admin, 'reviewer');
    const labelled = await call(admin, 'PATCH', `/v1/members/${member.id}`, {
      labels: ['marketing', 'executive', 'marketing'],
    });
    expect(labelled.statusCode, labelled.body).toBe(200);
    expect(labelled.json<{ labels: string[] }>().labels).toEqual(['executive', 'marketing']);
    const bad = await call(admin, 'PATCH', `/v1/members/${member.id}`, { labels: ['Not A Label'] });
    expect(bad.statusCode).toBe(400);
  });
});
