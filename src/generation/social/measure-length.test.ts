import { describe, expect, it } from 'vitest';
import { measureLength } from './measure-length.ts';

describe('measureLength', () => {
  it('counts a URL as 23 on X, whatever its length', () => {
    const url = `https://stillwave.com/${'a'.repeat(100)}`;
    expect(measureLength(`Read ${url}`, 'twitter_weighted')).toBe(5 + 23);
    expect(measureLength('https://t.co', 'twitter_weighted')).toBe(23);
  });

  it('weighs CJK and emoji 2 on X, Latin 1', () => {
    expect(measureLength('abc', 'twitter_weighted')).toBe(3);
    expect(measureLength('日本語', 'twitter_weighted')).toBe(6);
    expect(measureLength('🚀', 'twitter_weighted')).toBe(2);
    expect(measureLength('👨‍👩‍👧', 'twitter_weighted')).toBe(2);
  });

  it('counts code points with every URL as 23 on Mastodon', () => {
    const url = `https://stillwave.com/${'a'.repeat(100)}`;
    expect(measureLength(`Read ${url} now`, 'mastodon')).toBe(5 + 23 + 4);
    expect(measureLength('naïve 🚀', 'mastodon')).toBe(7);
  });

  it('counts user-perceived characters for graphemes', () => {
    expect(measureLength('👨‍👩‍👧', 'graphemes')).toBe(1);
    expect(measureLength('🇯🇵🇫🇷', 'graphemes')).toBe(2);
    expect(measureLength('e\u0301a\u0308', 'graphemes')).toBe(2);
    expect(measureLength('👍🏽', 'graphemes')).toBe(1);
  });

  it('counts code points for characters', () => {
    expect(measureLength('👨‍👩‍👧', 'characters')).toBe(5);
    expect(measureLength('e\u0301', 'characters')).toBe(2);
    expect(measureLength('𝒜', 'characters')).toBe(1);
  });
});
