import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../src/events/append-event.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface EventPage {
  data: { id: string; type: string; subjectType: string | null; subjectId: string | null }[];
  next_cursor: string | null;
}

describe.each(databaseKinds)('GET /v1/events on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(key: string, query: string): Promise<EventPage> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/events${query}`,
      headers: bearer(key),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function seed(workspaceId: string): Promise<void> {
    await appendEvents(t.database.db, [
      { workspaceId, type: 'campaign.created', subjectType: 'campaign', subjectId: 'c1' },
      { workspaceId, type: 'approval.requested', subjectType: 'campaign', subjectId: 'c1' },
      { workspaceId, type: 'campaign.approved', subjectType: 'campaign', subjectId: 'c1' },
      { workspaceId, type: 'delivery.sent', subjectType: 'delivery', subjectId: 'd1' },
      { workspaceId, type: 'delivery.failed', subjectType: 'delivery', subjectId: 'd2' },
      { workspaceId, type: 'campaign.created', subjectType: 'campaign', subjectId: 'c2' },
    ]);
  }

  it('lists the workspace events in order with ids 1, 2, 3 … and pages through them', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await seed(workspaceId);
    const all = await list(adminKey, '');
    expect(all.data.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(all.data[0]?.type).toBe('workspace.created');
    expect(all.next_cursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: EventPage = await list(adminKey, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((event) => event.id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(all.data.map((event) => event.id));
  });

  it('filters by type (exact and family), resource and since', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await seed(workspaceId);
    const types = async (query: string) => (await list(adminKey, query)).data.map((e) => e.type);
    expect(await types('?type=campaign.created')).toEqual(['campaign.created', 'campaign.created']);
    expect(await types('?type=delivery.*,campaign.approved')).toEqual([
      'campaign.approved',
      'delivery.sent',
      'delivery.failed',
    ]);
    const c1 = await list(adminKey, '?resource=campaign:c1');
    expect(c1.data.map((e) => e.subjectId)).toEqual(['c1', 'c1', 'c1']);
    expect((await list(adminKey, '?resource=delivery')).data).toHaveLength(2);
    expect((await list(adminKey, '?since=5')).data.map((e) => e.id)).toEqual(['6', '7']);
    expect((await list(adminKey, '?since=5&type=campaign.*')).data.map((e) => e.id)).toEqual(['7']);
  });

  it('answers a bad filter or cursor with a 400 naming the field', async () => {
    const { adminKey } = await t.createWorkspace();
    for (const [query, field] of [
      ['?type=campaign.nope', 'querystring.type'],
      ['?type=nothing.*', 'querystring.type'],
      ['?since=-1', 'querystring.since'],
      ['?cursor=garbage', 'querystring.cursor'],
    ] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/events${query}`,
        headers: bearer(adminKey),
      });
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().errors), query).toContain(field);
    }
  });

  it("never shows another workspace's events", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    await seed(a.workspaceId);
    const ofB = await list(b.adminKey, '');
    expect(ofB.data.map((event) => event.type)).toEqual(['workspace.created']);
  });

  it('documents the catalog in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const schemas = response.json().components.schemas;
    expect(schemas.CatalogEvent).toBeDefined();
    expect(schemas['Event.delivery.failed']).toBeDefined();
    expect(response.json().paths['/v1/events']).toBeDefined();
  });
});
