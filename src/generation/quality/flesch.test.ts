import { describe, expect, it } from 'vitest';
import { countSyllables, fleschReadingEase, textStats } from './flesch.ts';

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['make', 1],
    ['table', 2],
    ['whale', 1],
    ['happy', 2],
    ['jumped', 1],
    ['wanted', 2],
    ['agree', 2],
    ['boxes', 2],
    ['makes', 1],
    ['information', 4],
    ['2026', 1],
  ])('%s has %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });
});

describe('fleschReadingEase', () => {
  it('matches hand-computed scores within a tolerance', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015·6 − 84.6·1 = 116.1
    expect(fleschReadingEase('The cat sat on the mat.')).toBeCloseTo(116.1, 0);
    // 9 words, 2 sentences, 10 syllables: 206.835 − 1.015·4.5 − 84.6·10/9 = 108.3
    expect(
      Math.abs(fleschReadingEase('I like to read books. They make me happy.') - 108.3),
    ).toBeLessThan(2);
  });

  it('orders simple text above complex text', () => {
    const simple = 'We walk each day. It helps us feel calm. The sun is warm.';
    const complex =
      'Physiological investigations demonstrate that diaphragmatic respiration substantially modulates autonomic cardiovascular regulation, particularly parasympathetic activation.';
    const simpleScore = fleschReadingEase(simple);
    const complexScore = fleschReadingEase(complex);
    expect(simpleScore).toBeGreaterThan(90);
    expect(complexScore).toBeLessThan(10);
    expect(simpleScore).toBeGreaterThan(complexScore);
  });

  it('scores empty text 0 and counts line breaks as sentence ends', () => {
    expect(fleschReadingEase('')).toBe(0);
    expect(fleschReadingEase('  \n …  ')).toBe(0);
    expect(textStats('A heading\nThe body goes here.').sentences).toBe(2);
  });
});
