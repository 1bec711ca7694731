import { describe, expect, it } from 'vitest';
import { splitGraphemes } from './graphemes.ts';
import { measureLength } from './measure-length.ts';
import { splitThread } from './split-thread.ts';

const sentence = (n: number) => `Sentence number ${n} says something about breathing calmly.`;
const long = Array.from({ length: 20 }, (_, i) => sentence(i + 1)).join(' ');

function withoutNumber(part: string): string {
  return part.replace(/\s\d+\/\d+$/, '');
}

describe('splitThread', () => {
  it('numbers every part and keeps each within 280 weighted, number included', () => {
    const parts = splitThread([long], 280, 'twitter_weighted');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    parts.forEach((part, index) => {
      expect(part.endsWith(` ${index + 1}/${parts.length}`)).toBe(true);
      expect(measureLength(part, 'twitter_weighted')).toBeLessThanOrEqual(280);
    });
  });

  it('splits at sentence ends and loses nothing', () => {
    const parts = splitThread([long], 280, 'twitter_weighted').map(withoutNumber);
    for (const part of parts) expect(part).toMatch(/^Sentence number \d+ .*calmly\.$/);
    expect(parts.join(' ')).toBe(long);
  });

  it('starts a new part for every section', () => {
    const parts = splitThread(['Main text.', 'Disclaimer.'], 280, 'twitter_weighted');
    expect(parts).toEqual(['Main text. 1/2', 'Disclaimer. 2/2']);
  });

  it('falls back to words, then graphemes, for sentences longer than a post', () => {
    const words = 'word '.repeat(100).trim();
    const wordParts = splitThread([words], 100, 'characters').map(withoutNumber);
    expect(wordParts.join(' ')).toBe(words);
    const emoji = '👩‍👩‍👧‍👦'.repeat(300);
    const emojiParts = splitThread([emoji], 280, 'twitter_weighted');
    for (const part of emojiParts) {
      expect(measureLength(part, 'twitter_weighted')).toBeLessThanOrEqual(280);
      for (const grapheme of splitGraphemes(withoutNumber(part))) expect(grapheme).toBe('👩‍👩‍👧‍👦');
    }
    expect(emojiParts.map(withoutNumber).join('')).toBe(emoji);
  });

  it('widens the number for threads of ten parts or more', () => {
    const parts = splitThread([long.repeat(3)], 80, 'characters');
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts.at(-1)).toMatch(new RegExp(` ${parts.length}/${parts.length}$`));
    for (const part of parts) expect(measureLength(part, 'characters')).toBeLessThanOrEqual(80);
  });
});

describe('splitThread and URLs', () => {
  it('never breaks a link at its `?` or `!`, which ICU takes for sentence ends', () => {
    const url = 'https://stillwave.example/?utm_source=x&utm_medium=social&utm_campaign=weekly-1';
    const text = `${'Calm breathing helps. '.repeat(9)}Read more:\n\n${url}\n\n#Stillwave`;
    const parts = splitThread([text], 280, 'twitter_weighted');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.some((part) => part.includes(url))).toBe(true);
  });
});
