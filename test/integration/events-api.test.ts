import { sql } from 'drizzle-orm';
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

  it('lists newest first with order=desc, paging on to older events', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await seed(workspaceId);
    const ids = async (query: string) => (await list(adminKey, query)).data.map((e) => e.id);
    expect(await ids('?order=desc')).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    expect(await ids('?order=asc')).toEqual(['1', '2', '3', '4', '5', '6', '7']);

    const pages: string[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: EventPage = await list(
        adminKey,
        `?order=desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(page.data.map((event) => event.id));
      cursor = page.next_cursor;
    }
    expect(pages).toEqual([['7', '6', '5'], ['4', '3', '2'], ['1']]);

    // The latest 15 of a log of 7, as the dashboard asks.
    expect(await ids('?order=desc&limit=15')).toHaveLength(7);
  });

  it('keeps type, resource, since and before with order=desc', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await seed(workspaceId);
    const types = async (query: string) => (await list(adminKey, query)).data.map((e) => e.type);
    const ids = async (query: string) => (await list(adminKey, query)).data.map((e) => e.id);
    expect(await types('?order=desc&type=delivery.*,campaign.approved')).toEqual([
      'delivery.failed',
      'delivery.sent',
      'campaign.approved',
    ]);
    expect(await ids('?order=desc&resource=campaign:c1')).toEqual(['4', '3', '2']);
    // since: only events after it, newest first; its pages stop there too.
    expect(await ids('?order=desc&since=3')).toEqual(['7', '6', '5', '4']);
    const first = await list(adminKey, '?order=desc&since=3&limit=3');
    expect(first.data.map((e) => e.id)).toEqual(['7', '6', '5']);
    const rest = await list(adminKey, `?order=desc&since=3&limit=3&cursor=${first.next_cursor}`);
    expect(rest.data.map((e) => e.id)).toEqual(['4']);
    expect(rest.next_cursor).toBeNull();
    // before: only events before it, in either order; a cursor never leaves the window.
    expect(await ids('?before=4')).toEqual(['1', '2', '3']);
    expect(await ids('?order=desc&before=4')).toEqual(['3', '2', '1']);
    expect(await ids('?since=2&before=6')).toEqual(['3', '4', '5']);
    expect(await ids('?order=desc&since=2&before=6&type=campaign.*')).toEqual(['4']);
    const older = await list(adminKey, '?order=desc&before=6&limit=2');
    expect(older.data.map((e) => e.id)).toEqual(['5', '4']);
    expect(
      (await list(adminKey, `?order=desc&before=6&limit=2&cursor=${older.next_cursor}`)).data.map(
        (e) => e.id,
      ),
    ).toEqual(['3', '2']);
    expect(await ids('?before=1')).toEqual([]);
  });

  it('reads the position index forwards and backwards, without sorting', async () => {
    const { workspaceId } = await t.createWorkspace();
    for (const direction of ['asc', 'desc']) {
      const plan = await t.database.db.transaction(async (tx) => {
        // Whatever the table's size, this says whether an index can give the order by itself.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_sort = off`);
        const result = await tx.execute(
          sql.raw(`explain select * from events where workspace_id = '${workspaceId}'
            and seq is not null and seq > 3 and seq < 1000
            order by seq ${direction} limit 16`),
        );
        return (result as unknown as { rows: Record<string, string>[] }).rows
          .map((row) => Object.values(row)[0])
          .join('\n');
      });
      expect(plan, plan).toContain('events_workspace_seq');
      expect(plan, plan).not.toMatch(/\bSort\b/);
      if (direction === 'desc') expect(plan, plan).toContain('Backward');
    }
  });

  it('answers a bad filter or cursor with a 400 naming the field', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    await seed(workspaceId);
    // A cursor continues the order it was issued for.
    const ascCursor = (await list(adminKey, '?limit=1')).next_cursor;
    const descCursor = (await list(adminKey, '?order=desc&limit=1')).next_cursor;
    expect(ascCursor).not.toBeNull();
    expect(descCursor).not.toBeNull();
    for (const [query, field] of [
      ['?type=campaign.nope', 'querystring.type'],
      ['?type=nothing.*', 'querystring.type'],
      ['?since=-1', 'querystring.since'],
      ['?cursor=garbage', 'querystring.cursor'],
      ['?order=newest', 'querystring.order'],
      ['?before=-1', 'querystring.before'],
      ['?before=x', 'querystring.before'],
      [`?order=desc&cursor=${ascCursor}`, 'querystring.cursor'],
      [`?cursor=${descCursor}`, 'querystring.cursor'],
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
    for (const query of ['?order=desc', '?order=desc&since=0', '?order=desc&before=100'])
      expect(
        (await list(b.adminKey, query)).data.map((event) => event.type),
        query,
      ).toEqual(['workspace.created']);
  });

  it('documents the catalog in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const schemas = response.json().components.schemas;
    expect(schemas.CatalogEvent).toBeDefined();
    expect(schemas['Event.delivery.failed']).toBeDefined();
    expect(response.json().paths['/v1/events']).toBeDefined();
  });
});
