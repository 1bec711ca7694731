import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './count-words.ts';

describe('countWords', () => {
  it('counts runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one\ttwo\n\nthree  ')).toBe(3);
    expect(countWords('a\u00a0b\u2003c')).toBe(3);
  });

  it('agrees with splitting on \\s+', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', 'x'),
        }),
        (text) => {
          expect(countWords(text)).toBe(text.split(/\s+/).filter((word) => word.length > 0).length);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
