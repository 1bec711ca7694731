import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/living-docs/${name}`, import.meta.url), 'utf8');
const weekly = fixture('stillwave-weekly.md');
const hostile = fixture('hostile.md');
const allChannels = [
  'email',
  'web',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'mastodon',
  'bluesky',
];

interface Draft {
  channel: string;
  content: {
    html?: string;
    text?: string;
    subject?: string;
    title?: string;
    posts?: Array<{ text: string; length: number }>;
  };
  issues: Array<{ severity: string; code: string; field: string }>;
  quality: { overall: number };
}
interface Preview {
  drafts: Draft[];
  skipped: Array<{ channel: string }>;
  itemKeys: string[];
}

/** Every human-readable text of a draft, joined. */
function textOf(draft: Draft): string {
  const { content } = draft;
  return [
    content.subject,
    content.title,
    content.text,
    content.html,
    ...(content.posts ?? []).map((p) => p.text),
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n');
}

// Generation is pure computation over the request; one database kind is enough here (the snapshot
// path is a plain read, covered on both by the sources tests).
describe('POST /v1/preview', () => {
  let t: TestApp;
  let key = '';
  beforeAll(async () => {
    t = await startTestApp('pglite');
    key = (await t.createWorkspace()).adminKey;
  });
  afterAll(() => t.close());

  const preview = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/v1/preview', headers: bearer(key), payload });

  it('drafts every channel from a document, with issues and a quality score each', async () => {
    const response = await preview({ text: weekly, channels: allChannels });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<Preview>();
    expect(result.drafts.map((draft) => draft.channel)).toEqual(allChannels);
    expect(result.itemKeys).toHaveLength(9);
    for (const draft of result.drafts) {
      expect(draft.quality.overall).toBeGreaterThanOrEqual(0);
      expect(draft.quality.overall).toBeLessThanOrEqual(100);
      expect(Array.isArray(draft.issues)).toBe(true);
    }
    const email = result.drafts.find((draft) => draft.channel === 'email');
    expect(email?.content.html).toContain('Adaptive Pace Coach');
    expect(email?.content.html).toContain('{{unsubscribe_url}}');
  });

  it('is deterministic: the same request gives byte-identical drafts', async () => {
    const first = await preview({ text: weekly, channels: allChannels, tone: 'encouraging' });
    const second = await preview({ text: weekly, channels: allChannels, tone: 'encouraging' });
    expect(second.body).toBe(first.body);
  });

  it('writes differently per tone, and medical_scientific carries its disclaimer everywhere', async () => {
    const drafts = async (tone: string) =>
      (await preview({ text: weekly, channels: allChannels, tone })).json<Preview>().drafts;
    const professional = await drafts('professional');
    const encouraging = await drafts('encouraging');
    for (const [index, draft] of professional.entries())
      expect(textOf(draft), draft.channel).not.toBe(textOf(encouraging[index] as Draft));
    for (const draft of await drafts('medical_scientific'))
      expect(textOf(draft), draft.channel).toMatch(/not medical advice/i);
  });

  it('makes a prohibited phrase an error on every channel, the workspace list included', async () => {
    const text =
      '# Doc\n\n## News\n\n### Breathing Update\n\nThis routine is a guaranteed cure for stress, and it helps.\n';
    const result = (await preview({ text, channels: allChannels })).json<Preview>();
    expect(result.drafts).toHaveLength(allChannels.length);
    for (const draft of result.drafts) {
      const errors = draft.issues.filter((issue) => issue.code === 'prohibited_phrase');
      expect(errors.length, draft.channel).toBeGreaterThan(0);
      expect(errors.every((issue) => issue.severity === 'error')).toBe(true);
      expect(draft.quality.overall).toBeLessThanOrEqual(49);
    }
    const brand = await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace/brand',
      headers: bearer(key),
      payload: { prohibitedPhrases: ['routine'] },
    });
    expect(brand.statusCode, brand.body).toBe(200);
    const clean =
      '# Doc\n\n## News\n\n### Breathing Update\n\nA calm routine helps many people sleep.\n';
    const flagged = (await preview({ text: clean, channels: ['x'] })).json<Preview>();
    expect(flagged.drafts[0]?.issues.map((issue) => issue.code)).toContain('prohibited_phrase');
    await t.app.inject({
      method: 'PATCH',
      url: '/v1/workspace/brand',
      headers: bearer(key),
      payload: { prohibitedPhrases: [] },
    });
  });

  it('keeps hostile documents safe on every channel', async () => {
    const result = (await preview({ text: hostile, channels: allChannels })).json<Preview>();
    for (const draft of result.drafts) {
      for (const html of [draft.content.html].filter((h): h is string => typeof h === 'string')) {
        const { document } = new JSDOM(html).window;
        expect(document.querySelectorAll('script').length, draft.channel).toBe(0);
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.getAttributeNames())
            expect(attribute.toLowerCase().startsWith('on'), `${draft.channel} ${attribute}`).toBe(
              false,
            );
          for (const name of ['href', 'src']) {
            const value = element.getAttribute(name)?.replace(/\s/g, '').toLowerCase() ?? '';
            expect(value.startsWith('javascript:'), `${draft.channel} ${name}=${value}`).toBe(
              false,
            );
          }
        }
      }
      for (const post of draft.content.posts ?? []) expect(post.text).not.toMatch(/<script/i);
    }
    const x = result.drafts.find((draft) => draft.channel === 'x');
    expect(x?.content.posts?.every((post) => post.length <= 280)).toBe(true);
  });

  it('previews a stored snapshot, chosen items, and a workspace tone', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/sources',
      headers: bearer(key),
      payload: { kind: 'markdown', name: 'Weekly', text: weekly },
    });
    const snapshotId = created.json<{ sync: { snapshotId: string } }>().sync.snapshotId;
    const tone = await t.app.inject({
      method: 'POST',
      url: '/v1/tones',
      headers: bearer(key),
      payload: {
        id: 'club',
        name: 'Club newsletter',
        greeting: 'Dear club member,',
        closing: 'See you at the next meetup, the {brand} crew',
        callToAction: 'Join in',
        engagementQuestion: 'Coming along?',
        sentenceLengthTarget: 12,
        emojiCap: {},
        exclamationCap: 0,
        bannedWords: [],
        disclaimers: [],
      },
    });
    expect(tone.statusCode, tone.body).toBe(201);
    const response = await preview({
      snapshotId,
      itemKeys: ['tips/reset-in-four-counts'],
      channels: ['email'],
      tone: 'club',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<Preview>();
    expect(result.itemKeys).toEqual(['tips/reset-in-four-counts']);
    expect(result.drafts[0]?.content.text).toContain('Dear club member,');
  });

  it('answers malformed requests with a 4xx problem', async () => {
    const cases: Array<[string, object, number]> = [
      ['unknown channel', { text: weekly, channels: ['myspace'] }, 400],
      ['no channel', { text: weekly, channels: [] }, 400],
      ['repeated channel', { text: weekly, channels: ['x', 'x'] }, 400],
      ['unknown tone', { text: weekly, channels: ['x'], tone: 'sarcastic' }, 422],
      ['unknown template', { text: weekly, channels: ['email'], template: 'fancy' }, 400],
      ['empty items', { items: [], channels: ['x'] }, 400],
      ['no input', { channels: ['x'] }, 400],
      ['two inputs', { text: weekly, items: [{ title: 'x' }], channels: ['x'] }, 400],
      ['unknown item key', { text: weekly, itemKeys: ['nope/nope'], channels: ['x'] }, 422],
      ['nothing publishable', { text: '', channels: ['x'] }, 422],
      [
        'unknown snapshot',
        { snapshotId: '00000000-0000-4000-8000-000000000000', channels: ['x'] },
        404,
      ],
    ];
    for (const [name, payload, status] of cases) {
      const response = await preview(payload);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
  });

  it('serves the channel registry, templates and tones', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(key) });
    const channels = (await get('/v1/channels')).json<{
      data: Array<{ id: string; limits: object }>;
    }>();
    expect(channels.data.map((channel) => channel.id)).toEqual(allChannels);
    const templates = (await get('/v1/templates')).json<{ data: Array<{ id: string }> }>();
    expect(templates.data.map((template) => template.id)).toEqual([
      'modern',
      'minimal',
      'plain',
      'brand',
    ]);
    const tones = (await get('/v1/tones')).json<{
      data: Array<{ id: string; builtIn: boolean }>;
    }>();
    expect(tones.data.filter((tone) => tone.builtIn).map((tone) => tone.id)).toEqual([
      'professional',
      'encouraging',
      'medical_scientific',
    ]);
  });
});
