import { describe, expect, it } from 'vitest';
import { channels, socialChannelIds } from '../channels.ts';
import { builtInTones } from '../tones/built-in-tones.ts';
import { formatSocial } from './format-social.ts';
import { measureLength } from './measure-length.ts';
import { fixtureItem, fixtureItems, socialInput, tone } from './social-test-input.ts';

const weekly = fixtureItems('stillwave-weekly.md');
const hostile = fixtureItems('hostile.md');
const longStory = fixtureItem('hostile.md', 'A Very Long Story');

describe('formatSocial on stillwave-weekly.md', () => {
  for (const channel of socialChannelIds)
    it(`keeps every ${channel} post within ${channels[channel].limits.maxLength}`, () => {
      const { maxLength, counting, hashtagCap } = channels[channel].limits;
      for (const toneId of Object.keys(builtInTones)) {
        const drafts = formatSocial(channel, socialInput(weekly, { tone: tone(toneId) }));
        expect(drafts).toHaveLength(weekly.length);
        for (const { content } of drafts) {
          expect(content.channel).toBe(channel);
          expect(content.hashtags.length).toBeLessThanOrEqual(hashtagCap);
          for (const post of content.posts) {
            expect(post.length).toBe(measureLength(post.text, counting));
            expect(post.length).toBeLessThanOrEqual(maxLength);
          }
        }
      }
    });

  it('builds one post from the lead item in lead mode', () => {
    const drafts = formatSocial('linkedin', socialInput(weekly, { socialMode: 'lead' }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.content.itemKeys).toEqual([weekly[0]?.key]);
    expect(formatSocial('linkedin', socialInput([], { socialMode: 'lead' }))).toEqual([]);
  });

  it('composes opener, title, body, tracked link and hashtags', () => {
    const [draft] = formatSocial('mastodon', socialInput(weekly, { tone: tone('encouraging') }));
    const text = draft?.content.posts[0]?.text ?? '';
    expect(text.startsWith('Good news: Adaptive Pace Coach\n\nThe pace coach now listens')).toBe(
      true,
    );
    expect(draft?.content.link).toBe(
      'https://stillwave.example/?utm_source=mastodon&utm_medium=social&utm_campaign=weekly-2026-11-25',
    );
    expect(text).toContain(draft?.content.link ?? 'missing');
    expect(text.endsWith('#Stillwave #BreathingTips')).toBe(true);
  });

  it('ends Facebook posts with the engagement question', () => {
    for (const { content } of formatSocial('facebook', socialInput(weekly)))
      expect(content.posts[0]?.text.endsWith('What would you like to hear more about?')).toBe(true);
  });

  it('warns that Instagram needs an image and notes a missing link', () => {
    const input = socialInput(weekly.slice(0, 1), {
      brand: { ...socialInput([]).brand, siteUrl: null },
    });
    const [draft] = formatSocial('instagram', input);
    expect(draft?.content.link).toBeNull();
    expect(draft?.issues.map((issue) => [issue.severity, issue.code])).toEqual([
      ['info', 'no_link'],
      ['warning', 'image_required'],
    ]);
  });

  it('appends the medical disclaimer on every channel', () => {
    const input = socialInput(weekly.slice(0, 1), { tone: tone('medical_scientific') });
    for (const channel of socialChannelIds) {
      const [draft] = formatSocial(channel, input);
      const text = draft?.content.posts.map((post) => post.text).join('\n') ?? '';
      expect(text).toContain('not medical advice');
    }
  });
});

describe('formatSocial on hostile.md', () => {
  it('turns the very long story into a numbered X thread', () => {
    const [draft] = formatSocial('x', socialInput([longStory]));
    const posts = draft?.content.posts ?? [];
    expect(posts.length).toBeGreaterThanOrEqual(2);
    posts.forEach((post, index) => {
      expect(post.text.endsWith(` ${index + 1}/${posts.length}`)).toBe(true);
      expect(measureLength(post.text, 'twitter_weighted')).toBeLessThanOrEqual(280);
    });
    expect(draft?.issues).toEqual([]);
  });

  it('puts the disclaimer in the last X thread part', () => {
    const [draft] = formatSocial(
      'x',
      socialInput([longStory], { tone: tone('medical_scientific') }),
    );
    const posts = draft?.content.posts ?? [];
    expect(posts.at(-1)?.text).toMatch(/^This content is for general information only.* \d+\/\d+$/);
  });

  it('cuts the long story to 300 graphemes on Bluesky, with an ellipsis and the link kept', () => {
    const [draft] = formatSocial('bluesky', socialInput([longStory]));
    const post = draft?.content.posts[0];
    expect(post?.length).toBeLessThanOrEqual(300);
    expect(post?.text).toContain('…');
    expect(post?.text).toContain(draft?.content.link ?? 'missing');
    expect(draft?.issues.map((issue) => issue.code)).toContain('post_truncated');
  });

  it('keeps Unicode intact and emits no markup on any channel', () => {
    for (const channel of socialChannelIds)
      for (const { content } of formatSocial(channel, socialInput(hostile))) {
        const text = content.posts.map((post) => post.text).join('\n');
        expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
        expect(text).not.toContain('<script');
        for (const post of content.posts)
          expect(post.length).toBeLessThanOrEqual(channels[channel].limits.maxLength);
      }
    // Instagram allows the encouraging tone 5 emoji: the fixture's 3 all stay.
    const [unicode] = formatSocial(
      'instagram',
      socialInput([fixtureItem('hostile.md', 'Emoji and Unicode — naïve café 🚀✨')], {
        tone: tone('encouraging'),
      }),
    );
    const text = unicode?.content.posts[0]?.text ?? '';
    for (const fragment of ['naïve café', '👩‍👩‍👧‍👦', '🇯🇵', 'مرحبا بالعالم', 'é and ñ'])
      expect(text).toContain(fragment);
  });

  it('drops script tags from titles and bodies', () => {
    const item = fixtureItem('hostile.md', "Script Injection <script>alert('title')</script>");
    const [draft] = formatSocial('facebook', socialInput([item]));
    const text = draft?.content.posts[0]?.text ?? '';
    expect(text).not.toContain('<');
    expect(text).toContain("Script Injection alert('title')");
  });
});
