import type { Strategy } from './item.ts';

/** True when the text is a JSON feed: an object with an `items` array, or a bare array. */
function isJsonFeed(text: string): boolean {
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return true;
    return (
      typeof value === 'object' && value !== null && Array.isArray(Reflect.get(value, 'items'))
    );
  } catch {
    return false;
  }
}

/** Picks how to read an un-labelled document (PRODUCT.md §3). */
export function detectStrategy(text: string): Strategy {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (isJsonFeed(trimmed)) return 'json';
  if (/^#{1,3} /m.test(trimmed)) return 'markdown';
  return 'freeform';
}
