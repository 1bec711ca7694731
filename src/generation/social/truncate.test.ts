import { describe, expect, it } from 'vitest';
import { splitGraphemes } from './graphemes.ts';
import { measureLength } from './measure-length.ts';
import { truncate, truncateToFit } from './truncate.ts';

const story =
  'Breathing practice is older than any app. For thousands of years people have used the breath as an anchor. Modern research has started to measure it.';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Short enough.', 20, 'characters')).toBe('Short enough.');
  });

  it('cuts at a sentence end when that keeps enough', () => {
    const cut = truncate(story, 110, 'characters');
    expect(cut).toBe(
      'Breathing practice is older than any app. For thousands of years people have used the breath as an anchor. …',
    );
    expect(measureLength(cut, 'characters')).toBeLessThanOrEqual(110);
  });

  it('cuts between words when no sentence end keeps enough, never mid-word', () => {
    const cut = truncate(story, 80, 'characters');
    expect(cut).toBe(
      'Breathing practice is older than any app. For thousands of years people have…',
    );
    expect(cut.length).toBeLessThanOrEqual(80);
    const words = new Set(story.split(/\s+/));
    for (const word of cut.slice(0, -1).split(' ')) expect(words).toContain(word);
  });

  it('counts the ellipsis and fits under every counting', () => {
    const text = `${'日本語のテキスト '.repeat(40)}https://stillwave.com/${'x'.repeat(60)} 🚀👨‍👩‍👧 done`;
    for (const counting of ['twitter_weighted', 'mastodon', 'graphemes', 'characters'] as const)
      for (const limit of [1, 2, 10, 50, 99, 280]) {
        const cut = truncate(text, limit, counting);
        expect(measureLength(cut, counting)).toBeLessThanOrEqual(limit);
        if (cut !== '') expect(cut.endsWith('…')).toBe(true);
      }
  });

  it('cuts one overlong word at a grapheme boundary', () => {
    const word = 'a'.repeat(400);
    expect(truncate(word, 280, 'characters')).toBe(`${'a'.repeat(279)}…`);
    const families = '👨‍👩‍👧'.repeat(50);
    const cut = truncate(families, 10, 'graphemes');
    expect(splitGraphemes(cut)).toEqual([...Array(9).fill('👨‍👩‍👧'), '…']);
  });

  it('never splits flags, skin tones or combining marks', () => {
    const text = '🇯🇵🇫🇷🇩🇪👍🏽e\u0301e\u0301e\u0301'.repeat(10);
    for (let limit = 1; limit < 40; limit += 1) {
      const cut = truncate(text, limit, 'characters');
      const kept = cut.endsWith('…') ? cut.slice(0, -1) : cut;
      expect(text.startsWith(kept)).toBe(true);
      expect(splitGraphemes(text).slice(0, splitGraphemes(kept).length).join('')).toBe(kept);
    }
  });

  it('reports how the text was cut, and drops it when nothing fits', () => {
    expect(truncateToFit('Fits.', () => true).cut).toBe('none');
    expect(truncateToFit('One two three', (text) => text.length <= 8)).toEqual({
      text: 'One two…',
      cut: 'word',
    });
    expect(truncateToFit('Anything', () => false)).toEqual({ text: '', cut: 'dropped' });
  });
});

describe('truncate and URLs', () => {
  it('does not take the `?` of a URL for a sentence end', () => {
    const text =
      'See https://stillwave.example/?a=1&b=2 for the full study and all of its sources.';
    const cut = truncate(text, 60, 'characters');
    expect(cut).toBe('See https://stillwave.example/?a=1&b=2 for the full study…');
  });

  it('cuts after a full stop of a script without spaces', () => {
    expect(
      truncate(
        '日本語のテキストです。次の文はとても長いのでここには入りません。',
        14,
        'characters',
      ),
    ).toBe('日本語のテキストです。…');
  });
});
