import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCodePoints } from './count-code-points.ts';

describe('countCodePoints', () => {
  it('counts an emoji and a lone surrogate as one each', () => {
    expect(countCodePoints('')).toBe(0);
    expect(countCodePoints('abc')).toBe(3);
    expect(countCodePoints('a🎉b')).toBe(3);
    expect(countCodePoints('\ud83c')).toBe(1);
    expect(countCodePoints('\udf89\ud83c')).toBe(2);
  });

  it('agrees with spreading the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(countCodePoints(text)).toBe([...text].length);
      }),
      { numRuns: 1_000 },
    );
  });
});
