const hexColor = /^#[0-9a-f]{6}$/i;

/** The color if it is a complete #rrggbb, else the fallback. */
export function validColor(value: string, fallback: string): string {
  return hexColor.test(value) ? value : fallback;
}

function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with the #rrggbb background (WCAG relative luminance). */
export function readableOn(background: string): '#000000' | '#ffffff' {
  const light = luminance(background);
  return 1.05 / (light + 0.05) >= (light + 0.05) / 0.05 ? '#ffffff' : '#000000';
}
