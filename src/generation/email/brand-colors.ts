import type { BrandContext, EmailTemplateId } from '../generation-input.ts';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
// Pure black, not near-black: with it every background reaches 4.5:1 with one of the two.
const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/** `#abc` → [r, g, b] in 0–255. */
function channelsOf(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channelsOf(hex).map((value) => {
    const c = value / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Text colour with the better contrast on `background`, so brand colours never hurt legibility. */
function readableOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT;
}

/** A workspace colour only if it is a plain hex colour: it lands inside CSS. */
function safeColor(value: string, fallback: string): string {
  return HEX.test(value) ? value.toLowerCase() : fallback;
}

/**
 * The per-render colour fields of the brand template: brand colours as backgrounds with a readable
 * text colour on top; links use the primary colour only where it reads on white (≥ 4.5:1).
 */
export function brandColorFields(
  template: EmailTemplateId,
  brand: BrandContext,
): Record<string, string> {
  if (template !== 'brand') return {};
  const primary = safeColor(brand.primaryColor, '#1f3a5f');
  const accent = safeColor(brand.accentColor, '#1d4ed8');
  return {
    primary,
    on_primary: readableOn(primary),
    accent,
    on_accent: readableOn(accent),
    link: contrastRatio(primary, '#ffffff') >= 4.5 ? primary : '#1f2933',
  };
}
