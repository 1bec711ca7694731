import { describe, expect, it } from 'vitest';
import { collectHashtags, toHashtag } from './hashtags.ts';

describe('toHashtag', () => {
  it('turns a tag into CamelCase without spaces or punctuation', () => {
    expect(toHashtag('breathing tips')).toBe('#BreathingTips');
    expect(toHashtag('sleep-science, 2026!')).toBe('#SleepScience2026');
    expect(toHashtag('#Stillwave')).toBe('#Stillwave');
  });

  it('keeps letters of any script and their marks', () => {
    expect(toHashtag('café naïve')).toBe('#CaféNaïve');
    expect(toHashtag('ヨガ')).toBe('#ヨガ');
    expect(toHashtag('हिन्दी')).toBe('#हिन्दी');
  });

  it('yields nothing linkable from digits, punctuation or emoji alone', () => {
    expect(toHashtag('2026')).toBeNull();
    expect(toHashtag('!!! ---')).toBeNull();
    expect(toHashtag('🚀✨')).toBeNull();
    expect(toHashtag('\u0301abc')).toBe('#Abc');
  });
});

describe('collectHashtags', () => {
  it('puts brand hashtags first, de-duplicates case-insensitively and caps', () => {
    expect(
      collectHashtags(
        ['Stillwave', 'breathing tips'],
        ['stillwave', 'Sleep', 'BREATHING TIPS', 'focus'],
        3,
      ),
    ).toEqual(['#Stillwave', '#BreathingTips', '#Sleep']);
  });

  it('returns nothing with a cap of 0 or no tags', () => {
    expect(collectHashtags(['a'], ['b'], 0)).toEqual([]);
    expect(collectHashtags([], [], 5)).toEqual([]);
  });
});
