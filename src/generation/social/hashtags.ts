import { joinsCleanly } from './graphemes.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const LEADING_MARKS = /^\p{M}+/u;

/**
 * A tag or brand hashtag → `#CamelCase` (letters of any script, marks and digits only), so every
 * platform links it; null when nothing linkable is left (no letter, or only punctuation).
 */
export function toHashtag(tag: string): string | null {
  // A few letters (ℹ) are also emoji; the tone's emoji cap must not depend on tags.
  const words = tag.replace(/^#+/, '').replace(EMOJI, '').match(WORD) ?? [];
  const body = words
    .map((word) => {
      const [first = '', ...rest] = word.replace(LEADING_MARKS, '');
      return first.toUpperCase() + rest.join('');
    })
    .join('');
  if (!/\p{L}/u.test(body)) return null;
  const hashtag = `#${body}`;
  // A trailing prepend character would swallow the space that separates it from the next tag.
  return joinsCleanly(hashtag, ' ') ? hashtag : null;
}

/**
 * Brand hashtags first, then the item's tags, de-duplicated case-insensitively and capped at the
 * channel's limit, so a post never carries more than the platform welcomes.
 */
export function collectHashtags(
  brandHashtags: readonly string[],
  itemTags: readonly string[],
  cap: number,
): string[] {
  const seen = new Set<string>();
  const hashtags: string[] = [];
  for (const tag of [...brandHashtags, ...itemTags]) {
    const hashtag = toHashtag(tag);
    if (hashtag === null) continue;
    const key = hashtag.normalize('NFKC').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    hashtags.push(hashtag);
  }
  return hashtags.slice(0, cap);
}
