import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../documents/item.ts';
import { channels, type SocialChannelId, socialChannelIds } from '../channels.ts';
import type { GenerationInput } from '../generation-input.ts';
import { applyTone, countEmoji, tonePhrase } from '../tones/apply-tone.ts';
import { builtInTones } from '../tones/built-in-tones.ts';
import { formatSocial } from './format-social.ts';
import { splitGraphemes } from './graphemes.ts';
import { measureLength } from './measure-length.ts';
import { bodyText, titleText } from './plain-text.ts';
import { fixtureItems, socialInput } from './social-test-input.ts';

const [baseItem] = fixtureItems('stillwave-weekly.md');
if (baseItem === undefined) throw new Error('fixture has no items');
const runs = { numRuns: 1000 };
const timeout = 300_000;

/** Words people and attackers write, mixed with arbitrary graphemes and code points. */
const word = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 100, maxLength: 400 }),
  fc.constantFrom(
    'breathe',
    'calm.',
    'Really!',
    'Wow!!',
    'awesome',
    'totally',
    '🚀',
    '👩‍👩‍👧‍👦',
    '👍🏽',
    '🇯🇵',
    'e\u0301',
    '日本語のテキストです。',
    'مرحبا',
    'https://stillwave.com/research?a=1',
    '**bold**',
    '<script>alert(1)</script>',
    '\n\n',
    'Done?',
  ),
);
const text = (maxLength: number) => fc.array(word, { maxLength }).map((words) => words.join(' '));

const itemArbitrary: fc.Arbitrary<Item> = fc
  .record({
    title: fc.oneof(text(8), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 })),
    body: text(120),
    tags: fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), word), {
      maxLength: 8,
    }),
    link: fc.option(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), word)),
  })
  .map((fields) => ({ ...baseItem, ...fields }));

const inputArbitrary: fc.Arbitrary<GenerationInput> = fc
  .record({
    items: fc.array(itemArbitrary, { minLength: 1, maxLength: 2 }),
    tone: fc.constantFrom(...Object.values(builtInTones)),
    socialMode: fc.constantFrom('lead' as const, 'per_item' as const),
  })
  .map(({ items, tone, socialMode }) => socialInput(items, { tone, socialMode }));

/** Every grapheme a post may legitimately contain: the item's text, as written and as plain text. */
function allowedGraphemes(
  input: GenerationInput,
  channel: SocialChannelId,
  added: string[],
): Set<string> {
  const { tone, brand } = input;
  const phrases = [tone.socialOpener, tone.engagementQuestion, ...tone.disclaimers].map((phrase) =>
    tonePhrase(phrase, brand.name),
  );
  const texts = input.items.flatMap((item) => {
    const plain = [titleText(item.title), bodyText(item.body)];
    return [
      item.title,
      item.body,
      ...plain,
      ...plain.map((piece) => applyTone(piece, tone, channel)),
    ];
  });
  return new Set(
    [...texts, ...phrases, ...added, '… 0123456789/\n'].flatMap((piece) => splitGraphemes(piece)),
  );
}

describe('formatSocial properties', () => {
  it(
    'keeps every post of every channel within its limit under its counting',
    () => {
      fc.assert(
        fc.property(inputArbitrary, (input) => {
          for (const channel of socialChannelIds) {
            const { maxLength, counting, hashtagCap } = channels[channel].limits;
            for (const { content } of formatSocial(channel, input)) {
              expect(content.hashtags.length).toBeLessThanOrEqual(hashtagCap);
              for (const post of content.posts) {
                expect(measureLength(post.text, counting)).toBeLessThanOrEqual(maxLength);
                expect(post.length).toBe(measureLength(post.text, counting));
              }
            }
          }
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'never breaks a grapheme',
    () => {
      fc.assert(
        fc.property(inputArbitrary, fc.constantFrom(...socialChannelIds), (input, channel) => {
          for (const { content } of formatSocial(channel, input)) {
            const allowed = allowedGraphemes(input, channel, [
              ...content.hashtags,
              content.link ?? '',
            ]);
            for (const post of content.posts) {
              expect(post.text).not.toMatch(
                /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
              );
              const foreign = splitGraphemes(post.text).filter(
                (grapheme) => !allowed.has(grapheme),
              );
              expect(foreign).toEqual([]);
            }
          }
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'keeps the tracked link whole in one post whenever it can fit one',
    () => {
      fc.assert(
        fc.property(inputArbitrary, fc.constantFrom(...socialChannelIds), (input, channel) => {
          const { maxLength, counting } = channels[channel].limits;
          for (const { content } of formatSocial(channel, input)) {
            const link = content.link;
            if (link === null || measureLength(`${link} 99/99`, counting) > maxLength) continue;
            expect(content.posts.some((post) => post.text.includes(link))).toBe(true);
          }
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'is deterministic',
    () => {
      fc.assert(
        fc.property(inputArbitrary, fc.constantFrom(...socialChannelIds), (input, channel) => {
          expect(JSON.stringify(formatSocial(channel, input))).toBe(
            JSON.stringify(formatSocial(channel, input)),
          );
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    "holds every built-in tone's emoji and exclamation caps",
    () => {
      fc.assert(
        fc.property(inputArbitrary, fc.constantFrom(...socialChannelIds), (input, channel) => {
          const emojiCap = input.tone.emojiCap[channel] ?? 0;
          for (const { content } of formatSocial(channel, input)) {
            // A URL may carry `!` itself; the tone cannot rewrite a link.
            const linkExclamations = (content.link ?? '').split('!').length - 1;
            for (const post of content.posts) {
              expect(countEmoji(post.text)).toBeLessThanOrEqual(emojiCap);
              expect(post.text.split('!').length - 1).toBeLessThanOrEqual(
                Math.max(input.tone.exclamationCap, linkExclamations),
              );
            }
          }
        }),
        runs,
      );
    },
    timeout,
  );
});
