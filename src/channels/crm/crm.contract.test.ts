import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockCrm, startMockCrm } from '../../../mocks/crm/server.ts';
import type { EmailContent } from '../../generation/draft.ts';
import { defaultOutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import type { ChannelCall } from '../define-channel.ts';
import { describeChannel, failure, noDatabase } from '../describe-channel.ts';
import type { OutgoingMessage } from '../outgoing-message.ts';
import { PublishError } from '../publish-error.ts';
import { crm } from './index.ts';

type CrmCall = ChannelCall<{ baseUrl: string; batchSize: number }, { apiKey: string }>;

const policy = { ...defaultOutboundPolicy, allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 5_000 };
let server: RunningMockCrm;

beforeAll(async () => {
  // The held answer outlives the 150 ms timeout below, but not the test.
  server = await startMockCrm({ port: 0, hangMs: 400, slowMs: 10 });
});
afterAll(() => server.close());

function call(overrides: Partial<CrmCall> = {}): CrmCall {
  return {
    config: { baseUrl: server.url, batchSize: 100 },
    credentials: { apiKey: server.apiKey },
    outbound: policy,
    db: noDatabase,
    workspaceId: randomUUID(),
    ...overrides,
  };
}

function email(subject = 'March news for our readers'): EmailContent {
  return {
    channel: 'email',
    template: 'modern',
    subject,
    preheader: 'What changed this month',
    html: '<p>Hello {{first_name|there}}</p>',
    text: 'Hello {{first_name|there}}',
    htmlBytes: 33,
    itemKeys: [],
  };
}

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const deliveryId = randomUUID();
  return {
    deliveryId,
    campaignId: randomUUID(),
    channel: 'email',
    idempotencyKey: `toombos-${deliveryId}`,
    content: email(),
    recipients: [
      { email: 'subscriber001@example.test', mergeVars: { first_name: 'Ada' } },
      { email: 'subscriber002@example.test', mergeVars: { first_name: 'Bruno' } },
    ],
    ...overrides,
  };
}

// Subject words are the mock's triggers (docs/mock-crm.md).
describeChannel(crm, {
  call: () => call(),
  message,
  remoteIds: async () => [...server.state.batches.keys()],
  expiredAuth: () => ({
    call: call({ credentials: { apiKey: 'revoked-key' } }),
    message: message(),
  }),
  rateLimited: () => ({
    call: call(),
    message: message({ content: email('ratelimit rehearsal') }),
  }),
  serverError: () => ({ call: call(), message: message({ content: email('error rehearsal') }) }),
  timeout: () => ({
    call: call({ outbound: { ...policy, timeoutMs: 150 } }),
    message: message({ content: email('timeout rehearsal') }),
  }),
});

function listRecipients(via: CrmCall, page: { cursor: string | null; limit: number }) {
  if (!crm.audience) throw new Error('the CRM adapter lost its audience');
  return crm.audience.listRecipients(via, page);
}

describe('crm adapter', () => {
  it('lists active subscribers page by page with their names as merge vars', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listRecipients(call(), { cursor, limit: 10 });
      expect(page.recipients.length).toBeLessThanOrEqual(10);
      seen.push(...page.recipients.map((recipient) => recipient.email));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(22); // 25 seeded, every 8th unsubscribed
    expect(seen).not.toContain('subscriber008@example.test');
    const [first] = (await listRecipients(call(), { cursor: null, limit: 1 })).recipients;
    expect(first).toEqual({
      email: 'subscriber001@example.test',
      mergeVars: expect.objectContaining({ first_name: 'Ada', last_name: 'Lovelace' }),
    });
  });

  it('reads no more than the connection batch size', async () => {
    const small = call({ config: { baseUrl: server.url, batchSize: 3 } });
    const page = await listRecipients(small, { cursor: null, limit: 100 });
    expect(page.recipients).toHaveLength(3);
    expect(page.nextCursor).not.toBeNull();
  });

  it('sends the content, campaign and merge vars as one batch', async () => {
    const sent = message();
    const { remoteId } = await crm.publish(call(), sent);
    expect(server.state.batches.get(remoteId)).toMatchObject({
      subject: sent.content.channel === 'email' ? sent.content.subject : '',
      campaign_id: sent.campaignId,
      idempotency_key: sent.idempotencyKey,
      text: 'Hello {{first_name|there}}',
      recipients: [
        { email: 'subscriber001@example.test', merge_vars: { first_name: 'Ada' } },
        { email: 'subscriber002@example.test', merge_vars: { first_name: 'Bruno' } },
      ],
    });
  });

  it('refuses a batch without recipients before calling the CRM', async () => {
    const before = server.state.stats.requests;
    for (const recipients of [undefined, []]) {
      const error = await failure(crm.publish(call(), message({ recipients })));
      expect(error).toMatchObject({
        kind: 'rejected',
        message: expect.stringContaining('no recipients'),
      });
    }
    expect(server.state.stats.requests).toBe(before);
  });

  it("passes on the CRM's validation message and code", async () => {
    const error = await failure(
      crm.publish(call(), message({ content: email('invalid rehearsal') })),
    );
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({
      kind: 'rejected',
      vendorCode: 'invalid_request',
      message: expect.stringContaining('Simulated CRM rejection'),
    });
  });

  it('treats an unreachable CRM as transient, for publish and status alike', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const address = closed.address();
    await new Promise((done) => closed.close(done));
    const port = typeof address === 'object' && address ? address.port : 1;
    const away = call({ config: { baseUrl: `http://127.0.0.1:${port}`, batchSize: 100 } });
    expect(await failure(crm.publish(away, message()))).toMatchObject({ kind: 'transient' });
    expect(await failure(crm.status(away, message()))).toMatchObject({ kind: 'transient' });
  });

  it('validates its connection settings', () => {
    expect(crm.configSchema.parse({ baseUrl: 'https://crm.example.com' })).toEqual({
      baseUrl: 'https://crm.example.com',
      batchSize: 100,
    });
    for (const bad of [
      { baseUrl: 'ftp://crm.example.com' },
      { baseUrl: 'not a url' },
      { baseUrl: 'https://crm.example.com', batchSize: 0 },
      { baseUrl: 'https://crm.example.com', batchSize: 1001 },
    ])
      expect(crm.configSchema.safeParse(bad).success).toBe(false);
    expect(crm.credentialsSchema.safeParse({ apiKey: '' }).success).toBe(false);
  });
});
