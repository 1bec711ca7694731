import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandColorFields, contrastRatio } from './brand-colors.ts';
import { fixtureInput } from './email-test-input.ts';

const { brand } = fixtureInput('stillwave-weekly.md');
const hexColor = fc
  .integer({ min: 0, max: 0xffffff })
  .map((value) => `#${value.toString(16).padStart(6, '0')}`);

describe('brandColorFields', () => {
  it('gives nothing to the fixed templates', () => {
    expect(brandColorFields('modern', brand)).toEqual({});
  });

  it('keeps text on any brand colour and links on white at WCAG AA contrast (4.5:1)', () => {
    fc.assert(
      fc.property(hexColor, hexColor, (primaryColor, accentColor) => {
        const fields = brandColorFields('brand', { ...brand, primaryColor, accentColor });
        expect(contrastRatio(fields.primary ?? '', fields.on_primary ?? '')).toBeGreaterThanOrEqual(
          4.5,
        );
        expect(contrastRatio(fields.accent ?? '', fields.on_accent ?? '')).toBeGreaterThanOrEqual(
          4.5,
        );
        expect(contrastRatio(fields.link ?? '', '#ffffff')).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });

  it('replaces anything but a hex colour with the default', () => {
    const fields = brandColorFields('brand', {
      ...brand,
      primaryColor: 'url(x)',
      accentColor: '#ABC',
    });
    expect(fields.primary).toBe('#1f3a5f');
    expect(fields.accent).toBe('#abc');
  });
});
