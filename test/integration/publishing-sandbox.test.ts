import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries } from '../../src/db/publishing-schema.ts';
import { campaigns } from '../../src/db/schema.ts';
import { startDeliveryReconciler } from '../../src/jobs/delivery-reconciler.ts';
import { PGBOSS_SCHEMA } from '../../src/jobs/start-boss.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { approveEverythingAutomatically } from '../helpers/approval-policy.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

interface Delivery {
  id: string;
  channel: string;
  state: string;
  remoteId: string | null;
  reason: string | null;
  dueAt: string;
}
interface Campaign {
  id: string;
  state: string;
  stateReason: string | null;
  scheduledAt: string | null;
  scheduledLocal: string | null;
  scheduleZone: string | null;
  deliveries: Delivery[];
}

describe.each(databaseKinds)('publishing to the sandbox on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let sourceId = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.work();
    admin = (await t.createWorkspace()).adminKey;
    // These tests are about publishing: weekly digests (L2 by default) are approved at once here.
    await approveEverythingAutomatically(t, admin);
    const source = await call('POST', '/v1/sources', {
      kind: 'markdown',
      name: 'Weekly',
      text: weekly,
    });
    sourceId = source.json<{ source: { id: string } }>().source.id;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(admin), ...(payload && { payload }) });
  const newCampaign = async (channels: string[]) => {
    const response = await call('POST', '/v1/campaigns', { name: 'Week', sourceId, channels });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; state: string }>();
  };
  const campaignOf = async (id: string) => {
    const campaign = (await call('GET', `/v1/campaigns/${id}`)).json<Campaign>();
    const deliveries = (await call('GET', `/v1/deliveries?campaign=${id}`)).json<{
      data: Delivery[];
    }>();
    return { ...campaign, deliveries: deliveries.data };
  };

  it('publishes every channel to the outbox exactly once and ends published', async () => {
    const campaign = await newCampaign(['email', 'web', 'x', 'linkedin']);
    const published = await call('POST', `/v1/campaigns/${campaign.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<Campaign>().deliveries).toHaveLength(4);
    const done = await waitUntil(
      async () => {
        const current = await campaignOf(campaign.id);
        return current.state === 'published' && current;
      },
      { what: 'the campaign to be published' },
    );
    expect(done.deliveries.map((delivery) => delivery.state)).toEqual([
      'sent',
      'sent',
      'sent',
      'sent',
    ]);
    expect(done.deliveries.every((delivery) => delivery.remoteId?.startsWith('outbox:'))).toBe(
      true,
    );
    const outbox = (await call('GET', `/v1/outbox?campaign=${campaign.id}`)).json<{
      data: Array<{ channel: string; message: { subject?: string; posts?: unknown[] } }>;
    }>();
    expect(outbox.data.map((message) => message.channel).sort()).toEqual([
      'email',
      'linkedin',
      'web',
      'x',
    ]);
    expect(
      outbox.data.find((message) => message.channel === 'email')?.message.subject,
    ).toBeTruthy();
  });

  it('reads a local time in its zone on the day after a DST change and stores the UTC instant', async () => {
    const campaign = await newCampaign(['x']);
    const response = await call('POST', `/v1/campaigns/${campaign.id}/schedule`, {
      at: '2026-11-02T09:00',
      zone: 'America/New_York',
    });
    expect(response.statusCode, response.body).toBe(200);
    const scheduled = response.json<Campaign>();
    expect(scheduled.scheduledAt).toBe('2026-11-02T14:00:00.000Z');
    expect(scheduled.scheduledLocal).toBe('2026-11-02T09:00:00-05:00');
    expect(scheduled.deliveries[0]?.dueAt).toBe('2026-11-02T14:00:00.000Z');
  });

  it('cancels with missed_window what could not start before send_by', async () => {
    const campaign = await newCampaign(['x', 'linkedin']);
    const response = await call('POST', `/v1/campaigns/${campaign.id}/schedule`, {
      sendBy: '2020-01-01T00:00:00Z',
    });
    expect(response.statusCode, response.body).toBe(200);
    const done = await waitUntil(
      async () => {
        const current = await campaignOf(campaign.id);
        return current.state === 'cancelled' && current;
      },
      { what: 'the campaign to be cancelled' },
    );
    expect(done.stateReason).toBe('missed_window');
    expect(
      done.deliveries.every(
        (delivery) => delivery.state === 'cancelled' && delivery.reason === 'missed_window',
      ),
    ).toBe(true);
    const outbox = (await call('GET', `/v1/outbox?campaign=${campaign.id}`)).json<{
      data: unknown[];
    }>();
    expect(outbox.data).toHaveLength(0);
  });

  it('cancels and reschedules before sending starts, not after', async () => {
    const campaign = await newCampaign(['x']);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await call('POST', `/v1/campaigns/${campaign.id}/schedule`, { at: later })).statusCode,
    ).toBe(200);
    const moved = await call('POST', `/v1/campaigns/${campaign.id}/schedule`, {
      at: '2030-01-01T10:00:00Z',
    });
    expect(moved.json<Campaign>().deliveries[0]?.dueAt).toBe('2030-01-01T10:00:00.000Z');
    const cancelled = await call('POST', `/v1/campaigns/${campaign.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<Campaign>().state).toBe('cancelled');
    expect((await call('POST', `/v1/campaigns/${campaign.id}/schedule`, {})).statusCode).toBe(409);
  });

  it('refuses to schedule a campaign that is not approved, and a bad time or zone', async () => {
    const campaign = await newCampaign(['x']);
    const draft = (await call('GET', `/v1/campaigns/${campaign.id}`)).json<{
      drafts: Array<{ id: string }>;
    }>().drafts[0];
    expect(draft).toBeDefined();
    // An edit resets the approval; one that brings an error leaves the campaign a draft.
    const edited = await call('PATCH', `/v1/drafts/${draft?.id}`, {
      posts: [{ text: 'A guaranteed new post about the week.' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const refused = await call('POST', `/v1/campaigns/${campaign.id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ detail: string }>().detail).toContain('draft');
    const other = await newCampaign(['x']);
    const badTime = await call('POST', `/v1/campaigns/${other.id}/schedule`, { at: 'tomorrow' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.body).toContain('at');
    const badZone = await call('POST', `/v1/campaigns/${other.id}/schedule`, {
      zone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
  });

  it('reconciles: a due delivery whose job was lost goes out, a forgotten roll-up is done', async () => {
    const campaign = await newCampaign(['x']);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await call('POST', `/v1/campaigns/${campaign.id}/schedule`, { at: later })).statusCode,
    ).toBe(200);
    const { db } = t.database;
    // The job is lost and the delivery is overdue: only the reconciler can find it.
    await db.execute(sql.raw(`delete from ${PGBOSS_SCHEMA}.job where name = 'delivery.send'`));
    await db
      .update(deliveries)
      .set({ dueAt: new Date(Date.now() - 60_000) })
      .where(eq(deliveries.campaignId, campaign.id));
    const reconciler = startDeliveryReconciler(db, t.queue, {
      log: createLogger('silent'),
      tickMs: 100,
      graceMs: 0,
      staleSendingMs: 60_000,
    });
    try {
      await waitUntil(async () => (await campaignOf(campaign.id)).state === 'published', {
        what: 'the reconciled campaign to be published',
      });
      // A worker died between recording the delivery and rolling up: the state lags behind.
      await db.update(campaigns).set({ state: 'publishing' }).where(eq(campaigns.id, campaign.id));
      await waitUntil(async () => (await campaignOf(campaign.id)).state === 'published', {
        what: 'the forgotten roll-up',
      });
    } finally {
      reconciler.stop();
    }
  });
});
