import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, countDistinct, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockCrm, startMockCrm } from '../../mocks/crm/server.ts';
import { type RunningMockPlatform, startMockPlatform } from '../../mocks/platform/server.ts';
import { deliveries, outboxMessages } from '../../src/db/publishing-schema.ts';
import { campaigns, events, workers } from '../../src/db/schema.ts';
import { spawnToombos, type ToombosProcess, terminate } from '../helpers/spawn-toombos.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { postgresUrl } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const CAMPAIGNS = 200;
const WORKERS = 3;

/**
 * Three `toombos worker` processes on one PostgreSQL database publish 200 campaigns (email to the
 * mock CRM, web to the mock Platform, x to the outbox) scheduled at once: every delivery goes out
 * exactly once, which the mocks' de-duplication stats and our own event log both show.
 */
describe.skipIf(!postgresUrl)('publishing with three worker processes on PostgreSQL', () => {
  let t: TestApp;
  let crm: RunningMockCrm;
  let platform: RunningMockPlatform;
  let dataDir = '';
  const spawned: ToombosProcess[] = [];

  beforeAll(async () => {
    crm = await startMockCrm({ port: 0 });
    platform = await startMockPlatform({ port: 0 });
    // The in-process app only serves the API; consuming happens in the three children.
    t = await startTestApp('postgres', { PRIVATE_NETWORK_ALLOWLIST: '127.0.0.1' });
    dataDir = mkdtempSync(join(tmpdir(), 'toombos-publish-scale-'));
    for (let index = 0; index < WORKERS; index += 1)
      spawned.push(
        spawnToombos('worker', {
          DATABASE_URL: t.url ?? '',
          TOOMBOS_SECRET_KEY: t.secretKey.toString('hex'),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          PRIVATE_NETWORK_ALLOWLIST: '127.0.0.1',
          HEARTBEAT_INTERVAL_MS: '500',
        }),
      );
    const pids = spawned.map((worker) => worker.pid);
    await waitUntil(
      async () => {
        for (const worker of spawned)
          if (worker.child.exitCode !== null)
            throw new Error(`worker exited early:\n${worker.output.join('')}`);
        const [row] = await t.database.db
          .select({ live: count() })
          .from(workers)
          .where(inArray(workers.pid, pids));
        return row?.live === WORKERS;
      },
      { what: 'three worker heartbeats', timeoutMs: 60_000, intervalMs: 100 },
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(spawned.map(terminate));
    await t?.close();
    await crm?.close();
    await platform?.close();
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  it(`publishes ${CAMPAIGNS} campaigns at once, every delivery exactly once`, {
    timeout: 300_000,
  }, async () => {
    const { adminKey, workspaceId } = await t.createWorkspace();
    const call = async (url: string, payload: object) => {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: bearer(adminKey),
        payload,
      });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.json<{ id: string }>();
    };
    const email = await call('/v1/connections', {
      name: 'Mock CRM',
      provider: 'crm',
      channel: 'email',
      config: { baseUrl: crm.url },
      credentials: { apiKey: crm.apiKey },
    });
    const web = await call('/v1/connections', {
      name: 'Mock Platform',
      provider: 'platform',
      channel: 'web',
      config: { baseUrl: platform.url },
      credentials: { apiKey: platform.apiKey },
    });
    const ids: string[] = [];
    for (let index = 0; index < CAMPAIGNS; index += 1) {
      const campaign = await call('/v1/campaigns', {
        name: `Campaign ${index}`,
        items: [
          {
            title: `Week ${index + 1}: calmer breathing for busy people`,
            content: `Issue ${index + 1}. Longer exhales calm the nervous system; try four slow breaths tonight.`,
          },
        ],
        channels: ['email', 'web', 'x'],
      });
      ids.push(campaign.id);
    }
    // All due at the same instant, a moment from now, so the three workers race for them.
    const at = new Date(Date.now() + 2_000).toISOString();
    await Promise.all(
      ids.map((id) =>
        call(`/v1/campaigns/${id}/schedule`, { at, connections: { email: email.id, web: web.id } }),
      ),
    );
    const { db } = t.database;
    await waitUntil(
      async () => {
        const [row] = await db
          .select({ done: count() })
          .from(campaigns)
          .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.state, 'published')));
        return row?.done === CAMPAIGNS;
      },
      { what: 'every campaign to be published', timeoutMs: 240_000, intervalMs: 250 },
    );
    const [sent] = await db
      .select({ rows: count(), keys: countDistinct(deliveries.idempotencyKey) })
      .from(deliveries)
      .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.state, 'sent')));
    expect(sent).toEqual({ rows: CAMPAIGNS * 3, keys: CAMPAIGNS * 3 });
    // One `delivery.sent` per delivery, never two.
    const [announced] = await db
      .select({ events: count(), subjects: countDistinct(events.subjectId) })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), eq(events.type, 'delivery.sent')));
    expect(announced).toEqual({ events: CAMPAIGNS * 3, subjects: CAMPAIGNS * 3 });
    const [outbox] = await db
      .select({ messages: count() })
      .from(outboxMessages)
      .where(eq(outboxMessages.workspaceId, workspaceId));
    expect(outbox?.messages).toBe(CAMPAIGNS);
    const stats = async (mock: { url: string; apiKey: string }) =>
      (await fetch(`${mock.url}/api/v1/stats`, { headers: { 'x-api-key': mock.apiKey } })).json();
    expect(await stats(crm)).toMatchObject({
      batches: CAMPAIGNS,
      recipients: CAMPAIGNS * 22,
      duplicates: 0,
    });
    expect(await stats(platform)).toMatchObject({ created: CAMPAIGNS, duplicates: 0 });
  });
});
