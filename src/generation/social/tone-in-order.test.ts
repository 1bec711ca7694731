import { describe, expect, it } from 'vitest';
import { countEmoji } from '../tones/apply-tone.ts';
import { tone } from './social-test-input.ts';
import { applyToneInOrder } from './tone-in-order.ts';

describe('applyToneInOrder', () => {
  it('shares one emoji and exclamation budget across the pieces, in order', () => {
    const encouraging = tone('encouraging');
    const pieces = applyToneInOrder(['Yes! 🚀', 'Again! 🚀✨', 'More! 🎉'], encouraging, 'x', '');
    // The removed emoji leaves its space; the formatter trims each piece.
    expect(pieces).toEqual(['Yes! 🚀', 'Again. 🚀', 'More. ']);
    expect(countEmoji(pieces.join(' '))).toBe(2);
  });

  it('counts what the reserved text (a link) already uses', () => {
    const pieces = applyToneInOrder(['Wow!'], tone('encouraging'), 'x', 'https://a.com/#!/x');
    expect(pieces).toEqual(['Wow.']);
  });

  it("applies the tone's word choices", () => {
    expect(applyToneInOrder(['An awesome update'], tone('professional'), 'linkedin', '')).toEqual([
      'An excellent update',
    ]);
  });
});
