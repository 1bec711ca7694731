import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockPlatform, startMockPlatform } from '../../../mocks/platform/server.ts';
import type { WebContent } from '../../generation/draft.ts';
import { defaultOutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import type { ChannelCall } from '../define-channel.ts';
import { describeChannel, failure, noDatabase } from '../describe-channel.ts';
import type { OutgoingMessage } from '../outgoing-message.ts';
import { platform } from './index.ts';

type PlatformConfig = { baseUrl: string; status: 'published' | 'draft'; type: 'post' | 'page' };
type PlatformCall = ChannelCall<PlatformConfig, { apiKey: string }>;

const policy = { ...defaultOutboundPolicy, allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 5_000 };
let server: RunningMockPlatform;
/** The mock Platform has no 5xx trigger: this stand-in is down for maintenance. */
let down: Server;
let downUrl: string;

beforeAll(async () => {
  // The held answer outlives the 150 ms timeout below, but not the test.
  server = await startMockPlatform({ port: 0, hangMs: 400, slowMs: 10 });
  down = createServer((_request, response) => {
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ error: { code: 'unavailable', message: 'Down for maintenance' } }),
    );
  });
  await new Promise<void>((done) => down.listen(0, '127.0.0.1', done));
  downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
});
afterAll(async () => {
  down.closeAllConnections();
  await Promise.all([server.close(), new Promise((done) => down.close(done))]);
});

function call(
  overrides: Partial<PlatformCall> = {},
  config: Partial<PlatformConfig> = {},
): PlatformCall {
  return {
    config: { baseUrl: server.url, status: 'published', type: 'post', ...config },
    credentials: { apiKey: server.apiKey },
    outbound: policy,
    db: noDatabase,
    workspaceId: randomUUID(),
    ...overrides,
  };
}

function web(title = 'What changed in March'): WebContent {
  return {
    channel: 'web',
    title,
    slug: `march-${randomUUID()}`,
    excerpt: 'The short version.',
    html: '<p>Everything that changed.</p>',
    tags: ['news'],
    seoTitle: 'March changes',
    metaDescription: 'Everything that changed in March, in one page.',
    canonicalUrl: null,
    jsonLd: {},
    openGraph: {},
    toc: [],
    readingTimeMinutes: 1,
    itemKeys: [],
  };
}

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const deliveryId = randomUUID();
  return {
    deliveryId,
    campaignId: randomUUID(),
    channel: 'web',
    idempotencyKey: `toombos-${deliveryId}`,
    content: web(),
    ...overrides,
  };
}

async function stored(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, { headers: { 'x-api-key': server.apiKey } });
  return response.json();
}

// Title words are the mock's triggers (docs/mock-platform.md).
describeChannel(platform, {
  call: () => call(),
  message,
  remoteIds: async () => {
    const { items } = (await stored('/api/v1/content')) as { items: Array<{ id: string }> };
    return items.map((item) => item.id);
  },
  expiredAuth: () => ({
    call: call({ credentials: { apiKey: 'revoked-key' } }),
    message: message(),
  }),
  rateLimited: () => ({ call: call(), message: message({ content: web('ratelimit rehearsal') }) }),
  serverError: () => ({ call: call({}, { baseUrl: downUrl }), message: message() }),
  timeout: () => ({
    call: call({ outbound: { ...policy, timeoutMs: 150 } }),
    message: message({ content: web('timeout rehearsal') }),
  }),
});

describe('platform adapter', () => {
  it("publishes with the connection's status and type, SEO fields included", async () => {
    const sent = message();
    const receipt = await platform.publish(call({}, { status: 'draft', type: 'page' }), sent);
    const slug = sent.content.channel === 'web' ? sent.content.slug : '';
    expect(receipt.remoteUrl).toBe(`${server.url}/posts/${slug}`);
    expect(await stored(`/api/v1/content/${receipt.remoteId}`)).toMatchObject({
      title: 'What changed in March',
      content_html: '<p>Everything that changed.</p>',
      excerpt: 'The short version.',
      slug,
      status: 'draft',
      type: 'page',
      tags: ['news'],
      seo: {
        title: 'March changes',
        description: 'Everything that changed in March, in one page.',
      },
    });
  });

  it('rejects a post the Platform forbids, or whose slug is taken, with its reason', async () => {
    const forbidden = await failure(
      platform.publish(call(), message({ content: web('forbidden rehearsal') })),
    );
    expect(forbidden).toMatchObject({ kind: 'rejected', vendorCode: 'forbidden' });
    const first = message();
    await platform.publish(call(), first);
    const taken = await failure(platform.publish(call(), { ...message(), content: first.content }));
    expect(taken).toMatchObject({
      kind: 'rejected',
      vendorCode: 'slug_taken',
      message: expect.stringContaining('already in use'),
    });
  });

  it('refuses content of another channel without calling the Platform', async () => {
    const social = message({
      channel: 'x',
      content: {
        channel: 'x',
        posts: [{ text: 'Hello', length: 5 }],
        link: null,
        hashtags: [],
        itemKeys: [],
      },
    });
    expect(await failure(platform.publish(call(), social))).toMatchObject({ kind: 'rejected' });
  });

  it('validates its connection settings', () => {
    expect(platform.configSchema.parse({ baseUrl: 'https://cms.example.com' })).toEqual({
      baseUrl: 'https://cms.example.com',
      status: 'published',
      type: 'post',
    });
    for (const bad of [
      { baseUrl: 'file:///etc/passwd' },
      { baseUrl: 'https://cms.example.com', status: 'scheduled' },
      { baseUrl: 'https://cms.example.com', type: 'story' },
    ])
      expect(platform.configSchema.safeParse(bad).success).toBe(false);
  });
});
