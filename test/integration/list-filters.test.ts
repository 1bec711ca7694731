import { eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryState } from '../../src/db/publishing-schema.ts';
import { deliveries } from '../../src/db/publishing-schema.ts';
import { type CampaignState, campaigns } from '../../src/db/schema.ts';
import { deliveryStats } from '../../src/services/publishing/delivery-stats.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

/**
 * The list features the dashboard reads: campaigns by state, order and schedule window;
 * deliveries by order and due window; deliveries per local day (`/v1/deliveries/stats`). Rows are
 * made through the API; states and settle times the test needs are then written directly.
 */

interface Page<T> {
  data: T[];
  next_cursor: string | null;
}
interface Campaign {
  id: string;
  name: string;
  state: string;
  scheduledAt: string | null;
}
interface Delivery {
  id: string;
  campaignId: string;
  state: string;
  dueAt: string;
}
interface DayCounts {
  date: string;
  sent: number;
  failed: number;
  cancelled: number;
  unknown: number;
}
interface Stats {
  zone: string;
  days: DayCounts[];
}

const SOCIAL = ['x', 'linkedin', 'facebook', 'mastodon', 'bluesky'];

describe.each(databaseKinds)('list filters for the dashboard on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (key: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: bearer(key) });

  async function list<T>(key: string, url: string): Promise<Page<T>> {
    const response = await get(key, url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<Page<T>>();
  }

  async function readAll<T>(key: string, url: string): Promise<T[]> {
    const rows: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const page: Page<T> = await list<T>(
        key,
        cursor === null ? url : `${url}${separator}cursor=${cursor}`,
      );
      rows.push(...page.data);
      cursor = page.next_cursor;
    } while (cursor !== null);
    return rows;
  }

  async function expect400(key: string, url: string, field: string): Promise<void> {
    const response = await get(key, url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields, url).toContain(field);
  }

  /** A one-item campaign: approved at creation by the default policy (L1). */
  async function approvedCampaign(key: string, name: string, channels = ['x']): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/campaigns',
      headers: bearer(key),
      payload: {
        name,
        items: [{ title: `${name} news`, content: 'A calm note about the week.' }],
        channels,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const campaign = response.json<Campaign>();
    expect(campaign.state).toBe('approved');
    return campaign.id;
  }

  /** Schedules it (to the sandbox); no worker runs here, so its deliveries stay `scheduled`. */
  async function schedule(key: string, id: string, at: string): Promise<Delivery[]> {
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/campaigns/${id}/schedule`,
      headers: bearer(key),
      payload: { at },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ deliveries: Delivery[] }>().deliveries;
  }

  async function setCampaignState(id: string, state: CampaignState): Promise<void> {
    await t.database.db.update(campaigns).set({ state }).where(eq(campaigns.id, id));
  }

  /** A delivery moved to `state` at `at` (its settle time is its last update). */
  async function settle(id: string, state: DeliveryState, at: Date): Promise<void> {
    await t.database.db
      .update(deliveries)
      .set({ state, updatedAt: at })
      .where(eq(deliveries.id, id));
  }

  async function readOnlyKey(adminKey: string): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(adminKey),
      payload: { name: 'dashboard reader', scopes: ['read'] },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ key: string }>().key;
  }

  describe('GET /v1/campaigns', () => {
    it('filters by state, lists newest first with order=desc, and pages either way', async () => {
      const { adminKey } = await t.createWorkspace();
      const ids: string[] = [];
      for (const name of ['one', 'two', 'three', 'four', 'five'])
        ids.push(await approvedCampaign(adminKey, name));
      const [one, two, three, four, five] = ids as [string, string, string, string, string];
      await schedule(adminKey, two, '2031-01-10T09:00:00Z');
      await setCampaignState(three, 'failed');
      await setCampaignState(four, 'partially_failed');
      await setCampaignState(five, 'failed');

      const names = (rows: Campaign[]) => rows.map((campaign) => campaign.name);
      expect(names((await list<Campaign>(adminKey, '/v1/campaigns?state=scheduled')).data)).toEqual(
        ['two'],
      );
      expect(
        names(
          (await list<Campaign>(adminKey, '/v1/campaigns?state=failed,partially_failed&order=desc'))
            .data,
        ),
      ).toEqual(['five', 'four', 'three']);
      expect(
        names((await list<Campaign>(adminKey, '/v1/campaigns?state=failed, approved')).data),
      ).toEqual(['one', 'three', 'five']);
      expect((await list<Campaign>(adminKey, '/v1/campaigns?state=published')).data).toEqual([]);

      const ascending = await readAll<Campaign>(adminKey, '/v1/campaigns?limit=2');
      expect(ascending.map((campaign) => campaign.id)).toEqual([one, two, three, four, five]);
      const descending = await readAll<Campaign>(adminKey, '/v1/campaigns?limit=2&order=desc');
      expect(descending.map((campaign) => campaign.id)).toEqual([five, four, three, two, one]);
      const failedPages = await readAll<Campaign>(
        adminKey,
        '/v1/campaigns?limit=1&order=desc&state=failed,partially_failed',
      );
      expect(names(failedPages)).toEqual(['five', 'four', 'three']);
    });

    it('keeps campaigns scheduled in [scheduledFrom, scheduledTo)', async () => {
      const { adminKey } = await t.createWorkspace();
      const early = await approvedCampaign(adminKey, 'early');
      const start = await approvedCampaign(adminKey, 'at the start');
      const end = await approvedCampaign(adminKey, 'at the end');
      await approvedCampaign(adminKey, 'never scheduled');
      await schedule(adminKey, early, '2031-03-01T08:59:59Z');
      await schedule(adminKey, start, '2031-03-01T09:00:00Z');
      await schedule(adminKey, end, '2031-03-31T09:00:00Z');

      const window = async (query: string) =>
        (await list<Campaign>(adminKey, `/v1/campaigns?${query}`)).data.map((c) => c.name);
      expect(
        await window('scheduledFrom=2031-03-01T09:00:00Z&scheduledTo=2031-03-31T09:00:00Z'),
      ).toEqual(['at the start']);
      // An offset is the same instant: 10:00+01:00 is 09:00Z.
      expect(
        await window(
          'scheduledFrom=2031-03-01T10:00:00%2B01:00&scheduledTo=2031-03-31T09:00:00.001Z',
        ),
      ).toEqual(['at the start', 'at the end']);
      expect(await window('scheduledFrom=2031-03-01T00:00:00Z')).toEqual([
        'early',
        'at the start',
        'at the end',
      ]);
      expect(await window('scheduledTo=2031-03-01T09:00:00Z&order=desc')).toEqual(['early']);
      expect(await window('scheduledFrom=2031-01-01T00:00:00Z&state=approved')).toEqual([]);
    });

    it('answers bad filters with a 400 naming the parameter', async () => {
      const { adminKey } = await t.createWorkspace();
      const descCursor = (
        await (async () => {
          await approvedCampaign(adminKey, 'a');
          await approvedCampaign(adminKey, 'b');
          return list<Campaign>(adminKey, '/v1/campaigns?order=desc&limit=1');
        })()
      ).next_cursor;
      expect(descCursor).not.toBeNull();
      for (const [query, field] of [
        ['state=nope', 'querystring.state'],
        ['state=scheduled,nope', 'querystring.state'],
        ['state=,', 'querystring.state'],
        ['order=sideways', 'querystring.order'],
        ['scheduledFrom=tomorrow', 'querystring.scheduledFrom'],
        ['scheduledTo=2031-03-01', 'querystring.scheduledTo'],
        ['scheduledFrom=2031-03-01T09:00:00', 'querystring.scheduledFrom'],
        [
          'scheduledFrom=2031-03-02T00:00:00Z&scheduledTo=2031-03-01T00:00:00Z',
          'querystring.scheduledTo',
        ],
        [
          'scheduledFrom=2031-03-01T00:00:00Z&scheduledTo=2031-03-01T00:00:00Z',
          'querystring.scheduledTo',
        ],
        // A cursor continues the order it was issued for.
        [`cursor=${descCursor}`, 'querystring.cursor'],
        [`cursor=${descCursor}&order=asc`, 'querystring.cursor'],
      ] as const)
        await expect400(adminKey, `/v1/campaigns?${query}`, field);
    });

    it("never lists another workspace's campaigns", async () => {
      const a = await t.createWorkspace();
      const b = await t.createWorkspace();
      const ofA = await approvedCampaign(a.adminKey, 'of A');
      const ofB = await approvedCampaign(b.adminKey, 'of B');
      await schedule(a.adminKey, ofA, '2031-05-01T09:00:00Z');
      await schedule(b.adminKey, ofB, '2031-05-01T09:00:00Z');
      const failedOfB = await approvedCampaign(b.adminKey, 'failed of B');
      await setCampaignState(failedOfB, 'failed');
      for (const query of [
        'state=scheduled',
        'state=scheduled,failed&order=desc',
        'scheduledFrom=2031-01-01T00:00:00Z&scheduledTo=2032-01-01T00:00:00Z',
        'order=desc',
      ]) {
        const rows = await readAll<Campaign>(a.adminKey, `/v1/campaigns?${query}`);
        expect(
          rows.map((campaign) => campaign.name),
          query,
        ).toEqual(['of A']);
      }
    });
  });

  describe('GET /v1/deliveries', () => {
    it('lists newest first with order=desc, filters by status, and keeps [dueFrom, dueTo)', async () => {
      const { adminKey } = await t.createWorkspace();
      const first = await approvedCampaign(adminKey, 'first');
      const second = await approvedCampaign(adminKey, 'second');
      const third = await approvedCampaign(adminKey, 'third');
      const [d1] = await schedule(adminKey, first, '2031-06-01T09:00:00Z');
      const [d2] = await schedule(adminKey, second, '2031-06-02T09:00:00Z');
      const [d3] = await schedule(adminKey, third, '2031-06-03T09:00:00Z');
      if (!d1 || !d2 || !d3) throw new Error('each campaign has one delivery');
      await settle(d1.id, 'failed', new Date());
      await settle(d3.id, 'failed', new Date());

      const ids = (rows: Delivery[]) => rows.map((delivery) => delivery.id);
      expect(ids(await readAll<Delivery>(adminKey, '/v1/deliveries?limit=1'))).toEqual([
        d1.id,
        d2.id,
        d3.id,
      ]);
      expect(ids(await readAll<Delivery>(adminKey, '/v1/deliveries?limit=2&order=desc'))).toEqual([
        d3.id,
        d2.id,
        d1.id,
      ]);
      expect(
        ids(
          (await list<Delivery>(adminKey, '/v1/deliveries?status=failed&order=desc&limit=5')).data,
        ),
      ).toEqual([d3.id, d1.id]);
      expect(
        ids(
          await readAll<Delivery>(
            adminKey,
            '/v1/deliveries?dueFrom=2031-06-02T09:00:00Z&dueTo=2031-06-03T09:00:00Z',
          ),
        ),
      ).toEqual([d2.id]);
      expect(
        ids(
          await readAll<Delivery>(
            adminKey,
            '/v1/deliveries?dueFrom=2031-06-02T11:00:00%2B02:00&order=desc&limit=1',
          ),
        ),
      ).toEqual([d3.id, d2.id]);
      expect(
        ids(
          await readAll<Delivery>(
            adminKey,
            `/v1/deliveries?dueTo=2031-06-03T00:00:00Z&campaign=${first}`,
          ),
        ),
      ).toEqual([d1.id]);
    });

    it('answers bad filters with a 400 naming the parameter', async () => {
      const { adminKey } = await t.createWorkspace();
      const campaign = await approvedCampaign(adminKey, 'two channels', ['x', 'linkedin']);
      await schedule(adminKey, campaign, '2031-06-01T09:00:00Z');
      const { next_cursor: ascCursor } = await list<Delivery>(adminKey, '/v1/deliveries?limit=1');
      expect(ascCursor).not.toBeNull();
      for (const [query, field] of [
        ['order=newest', 'querystring.order'],
        ['dueFrom=soon', 'querystring.dueFrom'],
        ['dueTo=2031-06-01', 'querystring.dueTo'],
        ['dueFrom=2031-06-02T00:00:00Z&dueTo=2031-06-01T00:00:00Z', 'querystring.dueTo'],
        [`cursor=${ascCursor}&order=desc`, 'querystring.cursor'],
        ['status=lost', 'querystring.status'],
      ] as const)
        await expect400(adminKey, `/v1/deliveries?${query}`, field);
    });

    it("never lists another workspace's deliveries", async () => {
      const a = await t.createWorkspace();
      const b = await t.createWorkspace();
      const [ofA] = await schedule(
        a.adminKey,
        await approvedCampaign(a.adminKey, 'of A'),
        '2031-07-01T09:00:00Z',
      );
      const [ofB] = await schedule(
        b.adminKey,
        await approvedCampaign(b.adminKey, 'of B'),
        '2031-07-01T09:00:00Z',
      );
      if (!ofA || !ofB) throw new Error('each campaign has one delivery');
      await settle(ofB.id, 'failed', new Date());
      for (const query of [
        'order=desc',
        'status=failed&order=desc',
        'dueFrom=2031-01-01T00:00:00Z&dueTo=2032-01-01T00:00:00Z',
      ]) {
        const rows = await readAll<Delivery>(a.adminKey, `/v1/deliveries?${query}`);
        expect(
          rows.every((row) => row.id !== ofB.id),
          query,
        ).toBe(true);
      }
      expect(
        (await readAll<Delivery>(a.adminKey, '/v1/deliveries?order=desc')).map((d) => d.id),
      ).toEqual([ofA.id]);
    });
  });

  describe('GET /v1/deliveries/stats', () => {
    /** A campaign of five social deliveries, scheduled far ahead; the test settles them. */
    async function fiveDeliveries(key: string, name: string): Promise<Delivery[]> {
      const id = await approvedCampaign(key, name, SOCIAL);
      const rows = await schedule(key, id, '2031-08-01T09:00:00Z');
      expect(rows).toHaveLength(SOCIAL.length);
      return rows;
    }

    const local = (date: string, time: string, zone: string) =>
      DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();

    it('counts settled deliveries per local day and final state, zeros included, oldest first', async () => {
      const { adminKey } = await t.createWorkspace();
      const reader = await readOnlyKey(adminKey);
      const zone = 'America/New_York';
      const before = await get(reader, `/v1/deliveries/stats?days=14&zone=${zone}`);
      expect(before.statusCode, before.body).toBe(200);
      const empty = before.json<Stats>();
      expect(empty.zone).toBe(zone);
      expect(empty.days).toHaveLength(14);
      for (const [index, day] of empty.days.entries()) {
        expect(day).toEqual({ date: day.date, sent: 0, failed: 0, cancelled: 0, unknown: 0 });
        const previous = empty.days[index - 1];
        if (previous)
          expect(DateTime.fromISO(previous.date).plus({ days: 1 }).toISODate()).toBe(day.date);
      }

      // Two days in the middle of the window: a day boundary moving during the test cannot
      // push them out of it.
      const dayOne = empty.days[5]?.date ?? '';
      const dayTwo = empty.days[6]?.date ?? '';
      const [a, b, c, d, e] = await fiveDeliveries(adminKey, 'first');
      const [f, g, h, , j] = await fiveDeliveries(adminKey, 'second');
      if (!a || !b || !c || !d || !e || !f || !g || !h || !j) throw new Error('five each');
      await settle(a.id, 'sent', local(dayOne, '00:00', zone));
      await settle(b.id, 'sent', local(dayOne, '23:59:59.999', zone));
      await settle(c.id, 'failed', local(dayOne, '12:00', zone));
      await settle(d.id, 'cancelled', local(dayTwo, '00:00', zone));
      await settle(e.id, 'unknown', local(dayTwo, '18:30', zone));
      // Not settled: not counted, whenever it was last touched.
      await settle(f.id, 'sending', local(dayTwo, '10:00', zone));
      // Settled before the window (the first day is 13 days back).
      await settle(
        g.id,
        'sent',
        local(DateTime.fromISO(dayOne).minus({ days: 40 }).toISODate() ?? '', '12:00', zone),
      );
      await settle(h.id, 'failed', local(dayTwo, '21:00', zone));
      // j stays scheduled.

      const stats = (await get(reader, `/v1/deliveries/stats?days=14&zone=${zone}`)).json<Stats>();
      expect(stats.days).toHaveLength(14);
      const byDate = new Map(stats.days.map((day) => [day.date, day]));
      expect(byDate.get(dayOne)).toEqual({
        date: dayOne,
        sent: 2,
        failed: 1,
        cancelled: 0,
        unknown: 0,
      });
      expect(byDate.get(dayTwo)).toEqual({
        date: dayTwo,
        sent: 0,
        failed: 1,
        cancelled: 1,
        unknown: 1,
      });
      const total = stats.days.reduce(
        (sum, day) => sum + day.sent + day.failed + day.cancelled + day.unknown,
        0,
      );
      expect(total).toBe(6);

      // The same deliveries by UTC days: 21:00 New York is the next day in UTC.
      const utc = (await get(reader, '/v1/deliveries/stats?days=14&zone=UTC')).json<Stats>();
      const utcByDate = new Map(utc.days.map((day) => [day.date, day]));
      const dayThree = DateTime.fromISO(dayTwo).plus({ days: 1 }).toISODate() ?? '';
      expect(utcByDate.get(dayTwo)?.failed).toBe(0);
      expect(utcByDate.get(dayThree)?.failed).toBe(1);
      expect(utcByDate.get(dayThree)?.unknown).toBe(0);

      // One day: only today.
      const today = (await get(reader, `/v1/deliveries/stats?days=1&zone=${zone}`)).json<Stats>();
      expect(today.days).toHaveLength(1);
    });

    it("reads days in the workspace's zone by default", async () => {
      const { adminKey } = await t.createWorkspace();
      const utcDefault = (await get(adminKey, '/v1/deliveries/stats')).json<Stats>();
      expect(utcDefault.zone).toBe('UTC');
      expect(utcDefault.days).toHaveLength(14);
      const changed = await t.app.inject({
        method: 'PATCH',
        url: '/v1/workspace',
        headers: bearer(adminKey),
        payload: { timeZone: 'Asia/Tokyo' },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const tokyo = (await get(adminKey, '/v1/deliveries/stats?days=3')).json<Stats>();
      expect(tokyo.zone).toBe('Asia/Tokyo');
      expect(tokyo.days).toHaveLength(3);
    });

    it('cuts days at local midnight with the rules of each day (a 23-hour DST day)', async () => {
      const { workspaceId, adminKey } = await t.createWorkspace();
      const zone = 'America/New_York';
      const [a, b, c, d] = await fiveDeliveries(adminKey, 'around the DST change');
      if (!a || !b || !c || !d) throw new Error('five deliveries');
      // 2026-03-08 is 23 hours long in New York: 05:00Z to 04:00Z the next day.
      await settle(a.id, 'sent', new Date('2026-03-08T04:59:59.999Z')); // 23:59:59 EST on the 7th
      await settle(b.id, 'sent', new Date('2026-03-08T05:00:00.000Z')); // 00:00 EST on the 8th
      await settle(c.id, 'failed', new Date('2026-03-09T03:59:59.999Z')); // 23:59:59 EDT on the 8th
      await settle(d.id, 'cancelled', new Date('2026-03-09T04:00:00.000Z')); // 00:00 EDT on the 9th
      const stats = await deliveryStats(
        { db: t.database.db, workspaceId, actor: { kind: 'system', name: 'test' } },
        { days: 3, zone },
        { now: new Date('2026-03-09T15:00:00Z') },
      );
      expect(stats).toEqual({
        zone,
        days: [
          { date: '2026-03-07', sent: 1, failed: 0, cancelled: 0, unknown: 0 },
          { date: '2026-03-08', sent: 1, failed: 1, cancelled: 0, unknown: 0 },
          { date: '2026-03-09', sent: 0, failed: 0, cancelled: 1, unknown: 0 },
        ],
      });
    });

    it('answers bad parameters with a 400 naming them', async () => {
      const { adminKey } = await t.createWorkspace();
      for (const [query, field] of [
        ['days=0', 'querystring.days'],
        ['days=91', 'querystring.days'],
        ['days=two', 'querystring.days'],
        ['days=1.5', 'querystring.days'],
        ['zone=Mars/Olympus_Mons', 'querystring.zone'],
        ['zone=', 'querystring.zone'],
        ['since=2026-01-01', 'querystring.since'],
      ] as const)
        await expect400(adminKey, `/v1/deliveries/stats?${query}`, field);
      expect((await get(adminKey, '/v1/deliveries/stats?days=90')).json<Stats>().days).toHaveLength(
        90,
      );
    });

    it("never counts another workspace's deliveries", async () => {
      const a = await t.createWorkspace();
      const b = await t.createWorkspace();
      const ofB = await fiveDeliveries(b.adminKey, 'of B');
      await t.database.db
        .update(deliveries)
        .set({ state: 'sent', updatedAt: sql`now()` })
        .where(
          inArray(
            deliveries.id,
            ofB.map((delivery) => delivery.id),
          ),
        );
      const counted = (stats: Stats) =>
        stats.days.reduce((sum, day) => sum + day.sent + day.failed + day.cancelled, 0);
      expect(counted((await get(b.adminKey, '/v1/deliveries/stats?days=2')).json<Stats>())).toBe(5);
      expect(counted((await get(a.adminKey, '/v1/deliveries/stats?days=2')).json<Stats>())).toBe(0);
    });
  });
});
