import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../src/events/append-event.ts';
import type { NewEvent } from '../../src/events/types.ts';
import { startWebhookDispatcher } from '../../src/jobs/webhook-dispatcher.ts';
import { verifyWebhook } from '../../src/lib/standard-webhooks.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';
import {
  type ReceivedWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.ts';

const log = pino({ level: 'silent' });

interface Delivery {
  id: string;
  eventType: string;
  messageId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  log: { statusCode: number | null; error: string | null; at: string }[];
}

/** An app with a worker and the webhook dispatcher running in it, as a combined process has. */
async function startWorkingApp(
  kind: Parameters<typeof startTestApp>[0],
  env: Record<string, string>,
) {
  const t = await startTestApp(kind, {
    PRIVATE_NETWORK_ALLOWLIST: '127.0.0.1',
    OUTBOUND_TIMEOUT_MS: '2000',
    WEBHOOK_DISPATCH_TICK_MS: '200',
    ...env,
  });
  await t.work();
  const dispatcher = startWebhookDispatcher(t.database.db, t.queue, t.bus, {
    log,
    tickMs: 200,
    graceMs: 2_000,
  });
  return {
    t,
    async close() {
      dispatcher.stop();
      await t.close();
    },
  };
}

function pongs(workspaceId: string, count: number, tag: string): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    workspaceId,
    type: 'system.pong' as const,
    data: { nonce: `${tag}-${n}`, jobId: null, workerPid: 1 },
  }));
}

function headersOf(received: ReceivedWebhook): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(received.headers).map(([name, value]) => [name, String(value)]),
  );
}

describe.each(databaseKinds)('outbound webhooks on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startWorkingApp>>;
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    app = await startWorkingApp(kind, {
      WEBHOOK_RETRY_BASE_MS: '150',
      WEBHOOK_RETRY_MAX_MS: '600',
      WEBHOOK_RETRY_WINDOW_MS: '120000',
    });
    t = app.t;
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });

  async function createWebhook(adminKey: string, body: Record<string, unknown>) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: bearer(adminKey),
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; secret: string; status: string }>();
  }

  async function deliveries(adminKey: string, id: string): Promise<Delivery[]> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${id}/deliveries?limit=200`,
      headers: bearer(adminKey),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: Delivery[] }>().data;
  }

  /** What reached the receiver for one workspace's events with this tag (dedupe by webhook-id). */
  function receivedFor(tag: string): Map<string, ReceivedWebhook> {
    const byId = new Map<string, ReceivedWebhook>();
    for (const message of receiver.received)
      if (message.body.includes(`"${tag}-`))
        byId.set(String(message.headers['webhook-id']), message);
    return byId;
  }

  it('shows the secret once, signs each delivery with it, and a tampered payload does not verify', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    const hook = await createWebhook(adminKey, { url: receiver.url, eventTypes: ['system.*'] });
    expect(hook.secret).toMatch(/^whsec_/);
    const read = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${hook.id}`,
      headers: bearer(adminKey),
    });
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.body).not.toContain(hook.secret.slice(6));

    await appendEvents(t.database.db, pongs(workspaceId, 3, 'signed'));
    await waitUntil(() => receivedFor('signed').size === 3, { what: 'three deliveries' });
    for (const message of receivedFor('signed').values()) {
      const headers = headersOf(message);
      expect(verifyWebhook(hook.secret, headers, message.body)).toBe(true);
      const tampered = message.body.replace('"signed-', '"forged-');
      expect(verifyWebhook(hook.secret, headers, tampered)).toBe(false);
      const body = JSON.parse(message.body);
      expect(body).toMatchObject({ type: 'system.pong', data: { type: 'system.pong' } });
    }
    // Only the filtered types: the webhook.created event itself was not sent.
    expect(receiver.received.some((message) => message.body.includes('webhook.created'))).toBe(
      false,
    );
  });

  it('retries while the endpoint is down, with growing delays, and everything arrives once it is back', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    const hook = await createWebhook(adminKey, { url: receiver.url, eventTypes: ['system.pong'] });
    await receiver.down();
    try {
      await appendEvents(t.database.db, pongs(workspaceId, 4, 'outage'));
      // Wait until each delivery has failed a few times.
      await waitUntil(
        async () => {
          const rows = await deliveries(adminKey, hook.id);
          return rows.length === 4 && rows.every((row) => row.attempts >= 3);
        },
        { what: 'failed attempts while down' },
      );
    } finally {
      await receiver.up();
    }
    await waitUntil(
      async () => (await deliveries(adminKey, hook.id)).every((row) => row.status === 'succeeded'),
      { what: 'every delivery to succeed' },
    );
    expect(receivedFor('outage').size).toBe(4);
    for (const message of receivedFor('outage').values())
      expect(verifyWebhook(hook.secret, headersOf(message), message.body)).toBe(true);
    for (const row of await deliveries(adminKey, hook.id)) {
      expect(row.lastStatusCode).toBe(200);
      const failed = row.log.slice(0, -1);
      expect(failed.length).toBeGreaterThanOrEqual(3);
      for (const attempt of failed) {
        expect(attempt.statusCode).toBeNull();
        expect(attempt.error).toMatch(/network|refused/i);
      }
      // Growing delays: from the third retry on, the backoff (150 ms doubling, capped at 600 ms)
      // waits at least 300 ms, whereas the first retry waits 75–150 ms (webhook-deps.test.ts).
      const times = row.log.map((attempt) => Date.parse(attempt.at));
      expect((times.at(-1) ?? 0) - (times.at(-2) ?? 0)).toBeGreaterThanOrEqual(300);
    }
  });

  it('records non-2xx answers with their code in the delivery log, and replays on request', async () => {
    const { workspaceId, adminKey } = await t.createWorkspace();
    const hook = await createWebhook(adminKey, { url: receiver.url, eventTypes: ['system.pong'] });
    receiver.status = 503;
    try {
      await appendEvents(t.database.db, pongs(workspaceId, 1, 'status'));
      await waitUntil(
        async () => (await deliveries(adminKey, hook.id))[0]?.lastStatusCode === 503,
        { what: 'a 503 in the log' },
      );
    } finally {
      receiver.status = 200;
    }
    await waitUntil(async () => (await deliveries(adminKey, hook.id))[0]?.status === 'succeeded', {
      what: 'success after the 503s',
    });
    const [row] = await deliveries(adminKey, hook.id);
    if (!row) throw new Error('no delivery');
    expect(row.log[0]?.statusCode).toBe(503);
    expect(row.log[0]?.error).toBe('HTTP 503');

    const before = receiver.received.filter(
      (m) => m.headers['webhook-id'] === row.messageId,
    ).length;
    const replay = await t.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/deliveries/${row.id}/replay`,
      headers: bearer(adminKey),
    });
    expect(replay.statusCode, replay.body).toBe(202);
    await waitUntil(
      () =>
        receiver.received.filter((m) => m.headers['webhook-id'] === row.messageId).length > before,
      { what: 'the replayed delivery' },
    );
  });

  it('sends a test message on request and says what the endpoint answered', async () => {
    const { adminKey } = await t.createWorkspace();
    const hook = await createWebhook(adminKey, { url: receiver.url });
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${hook.id}/test`,
      headers: bearer(adminKey),
    });
    expect(response.statusCode, response.body).toBe(200);
    const delivery = response.json<Delivery>();
    expect(delivery).toMatchObject({
      eventType: 'webhook.test',
      status: 'succeeded',
      lastStatusCode: 200,
    });
    const message = receiver.received.find((m) => m.headers['webhook-id'] === delivery.messageId);
    if (!message) throw new Error('test message not received');
    expect(verifyWebhook(hook.secret, headersOf(message), message.body)).toBe(true);
  });

  it("never sends one workspace's events to another workspace's endpoint", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const hookA = await createWebhook(a.adminKey, {
      url: receiver.url,
      eventTypes: ['system.pong'],
    });
    await appendEvents(t.database.db, pongs(b.workspaceId, 3, 'ofB'));
    await appendEvents(t.database.db, pongs(a.workspaceId, 1, 'ofA'));
    await waitUntil(() => receivedFor('ofA').size === 1, { what: "A's delivery" });
    expect(receivedFor('ofB').size).toBe(0);
    expect((await deliveries(a.adminKey, hookA.id)).map((d) => d.eventType)).toEqual([
      'system.pong',
    ]);
  });

  it('refuses a bad URL or event type with a 400 naming the field', async () => {
    const { adminKey } = await t.createWorkspace();
    for (const [body, field] of [
      [{ url: 'ftp://example.com/x' }, 'url'],
      [{ url: 'https://user:pw@example.com/x' }, 'url'],
      [{ url: 'https://example.com/x', eventTypes: ['nope.nope'] }, 'eventTypes'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(adminKey),
        payload: body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
  });
});

describe.each(databaseKinds)('webhook endpoints that keep failing, on %s', (kind) => {
  let app: Awaited<ReturnType<typeof startWorkingApp>>;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    // A short retry window, and disabling as soon as a delivery gives up.
    app = await startWorkingApp(kind, {
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '200',
      WEBHOOK_RETRY_WINDOW_MS: '1500',
      WEBHOOK_DISABLE_AFTER_MS: '0',
    });
    receiver = await startWebhookReceiver();
    receiver.status = 500;
  });
  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });

  it('fails the delivery after its retry window and disables the endpoint, with an event', async () => {
    const { t } = app;
    const { workspaceId, adminKey } = await t.createWorkspace();
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: bearer(adminKey),
      payload: { url: receiver.url, eventTypes: ['system.pong'] },
    });
    const hook = created.json<{ id: string }>();
    await appendEvents(t.database.db, pongs(workspaceId, 1, 'doomed'));
    const disabled = await waitUntil(
      async () => {
        const response = await t.app.inject({
          method: 'GET',
          url: `/v1/webhooks/${hook.id}`,
          headers: bearer(adminKey),
        });
        const body = response.json<{ status: string; disabledReason: string | null }>();
        return body.status === 'disabled' ? body : null;
      },
      { what: 'the endpoint to be disabled' },
    );
    expect(disabled.disabledReason).toMatch(/failed/);
    const events = await t.app.inject({
      method: 'GET',
      url: '/v1/events?type=webhook.disabled',
      headers: bearer(adminKey),
    });
    expect(events.json().data).toHaveLength(1);
    const log = await t.app.inject({
      method: 'GET',
      url: `/v1/webhooks/${hook.id}/deliveries`,
      headers: bearer(adminKey),
    });
    const [delivery] = log.json<{ data: Delivery[] }>().data;
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts).toBeGreaterThan(1);
    expect(delivery?.log.every((attempt) => attempt.statusCode === 500)).toBe(true);

    // Disabled: later events are not sent; re-enabled, the next ones are.
    receiver.status = 200;
    const sentBefore = receiver.received.length;
    await appendEvents(t.database.db, pongs(workspaceId, 1, 'while-disabled'));
    const enabled = await t.app.inject({
      method: 'PATCH',
      url: `/v1/webhooks/${hook.id}`,
      headers: bearer(adminKey),
      payload: { status: 'active' },
    });
    expect(enabled.json()).toMatchObject({ status: 'active', disabledReason: null });
    await appendEvents(t.database.db, pongs(workspaceId, 1, 'after-enable'));
    await waitUntil(() => receiver.received.some((m) => m.body.includes('after-enable')), {
      what: 'a delivery after re-enabling',
    });
    expect(receiver.received.slice(sentBefore).some((m) => m.body.includes('while-disabled'))).toBe(
      false,
    );
  });

  it('refuses loopback addresses without the allowlist (SSRF guard)', async () => {
    const guarded = await startTestApp(kind);
    try {
      const { adminKey } = await guarded.createWorkspace();
      const created = await guarded.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(adminKey),
        payload: { url: receiver.url },
      });
      const before = receiver.received.length;
      const test = await guarded.app.inject({
        method: 'POST',
        url: `/v1/webhooks/${created.json().id}/test`,
        headers: bearer(adminKey),
      });
      expect(test.statusCode).toBe(200);
      expect(test.json()).toMatchObject({ status: 'failed', lastStatusCode: null });
      expect(test.json().lastError).toMatch(/blocked_address/);
      expect(receiver.received.length).toBe(before);
    } finally {
      await guarded.close();
    }
  });
});
