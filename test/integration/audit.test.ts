import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

interface Entry {
  id: string;
  action: string;
  resourceType: string;
  resourceId: string;
  actor: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}
type Page = { data: Entry[]; next_cursor: string | null };

describe.each(databaseKinds)('audit log on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let campaignId = '';
  let draftId = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.work();
    admin = (await t.createWorkspace()).adminKey;
    const created = await call(admin, 'POST', '/v1/campaigns', {
      name: 'Audited',
      items: [{ title: 'A calm update', content: 'Four slow breaths make a calmer evening.' }],
      channels: ['x'],
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json<{ id: string }>().id;
    draftId = created.json<{ drafts: Array<{ id: string }> }>().drafts[0]?.id ?? '';
    const edited = await call(admin, 'PATCH', `/v1/drafts/${draftId}`, {
      posts: [{ text: 'Four slow breaths tonight make a calmer evening.' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const published = await call(admin, 'POST', `/v1/campaigns/${campaignId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    await waitUntil(
      async () =>
        (await call(admin, 'GET', `/v1/campaigns/${campaignId}`)).json<{ state: string }>()
          .state === 'published',
      { what: 'the campaign to be published' },
    );
  });
  afterAll(() => t.close());

  function call(key: string, method: string, url: string, payload?: object) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: bearer(key),
      ...(payload && { payload }),
    });
  }
  const list = async (query: string, key = admin) => {
    const response = await call(key, 'GET', `/v1/audit${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('records every decision, edit, schedule and publish with actor, time, before and after', async () => {
    const entries = (await list(`?resource=campaign:${campaignId}`)).data;
    expect(entries.map((entry) => [entry.action, entry.actor.split(':')[0]])).toEqual([
      ['campaign.created', 'api_key'],
      ['approval.auto_approved', 'api_key'],
      ['approval.reset', 'api_key'],
      ['approval.auto_approved', 'api_key'],
      ['campaign.scheduled', 'api_key'],
      ['campaign.publishing', 'system'],
    ]);
    expect(entries[4]?.before).toMatchObject({ state: 'approved', scheduledAt: null });
    expect(entries[4]?.after).toMatchObject({ state: 'scheduled' });
    expect(entries[5]).toMatchObject({
      actor: 'system:worker',
      before: { state: 'scheduled' },
      after: { state: 'publishing' },
    });
    const edits = (await list(`?resource=draft:${draftId}`)).data;
    expect(edits).toHaveLength(1);
    expect(edits[0]?.before).toMatchObject({ version: 1 });
    expect(edits[0]?.after).toMatchObject({
      version: 2,
      posts: [{ text: 'Four slow breaths tonight make a calmer evening.' }],
    });
  });

  it('filters by resource type, actor and time, and pages through next_cursor', async () => {
    const drafts = (await list('?resource=draft')).data;
    expect(drafts.every((entry) => entry.resourceType === 'draft')).toBe(true);
    const system = (await list('?actor=system:worker')).data;
    expect(system.map((entry) => entry.action)).toEqual(['campaign.publishing']);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await list(`?since=${encodeURIComponent(future)}`)).data).toEqual([]);
    const all = (await list('?limit=200')).data;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((entry) => entry.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.map((entry) => entry.id));
    expect((await call(admin, 'GET', '/v1/audit?actor=nobody')).statusCode).toBe(400);
  });

  it('answers 404 to reads of another workspace’s audit', async () => {
    const other = (await t.createWorkspace()).adminKey;
    const entry = (await list(`?resource=campaign:${campaignId}`)).data[0];
    expect((await call(other, 'GET', `/v1/audit?resource=campaign:${campaignId}`)).statusCode).toBe(
      404,
    );
    expect((await call(other, 'GET', `/v1/audit/${entry?.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/v1/audit/${entry?.id}`)).statusCode).toBe(200);
    expect((await call(other, 'GET', `/v1/audit?actor=${entry?.actor}`)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/v1/audit?resource=draft:${draftId}`)).statusCode).toBe(404);
    // Its own log has none of them.
    expect((await list('', other)).data.map((e) => e.id)).not.toContain(entry?.id);
  });

  it('cannot be updated or deleted through the API, nor in the database', async () => {
    const entry = (await list(`?resource=campaign:${campaignId}`)).data[0] as Entry;
    for (const method of ['PATCH', 'PUT', 'DELETE', 'POST']) {
      const response = await call(admin, method, `/v1/audit/${entry.id}`, { action: 'tampered' });
      expect(response.statusCode, `${method}: ${response.body}`).toBe(404);
    }
    expect((await call(admin, 'DELETE', '/v1/audit')).statusCode).toBe(404);
    const { db } = t.database;
    await expect(
      db.execute(sql`update audit_log set action = 'tampered' where id = ${entry.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${entry.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await call(admin, 'GET', `/v1/audit/${entry.id}`)).json<Entry>()).toEqual(entry);
  });
});
