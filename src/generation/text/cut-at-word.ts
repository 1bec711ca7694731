const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Length as people count characters in a subject or a title: code points. */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The first whole graphemes of a text that fit in `max` code points: never half an emoji. */
function headWithin(text: string, max: number): string {
  let head = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const length = charLength(segment);
    if (used + length > max) break;
    head += segment;
    used += length;
  }
  return head;
}

/**
 * Shortens text to at most `max` characters (code points) at a word boundary, ending with `suffix`
 * (an ellipsis by default); trailing punctuation before the cut is dropped. A text without a
 * space in reach is cut between graphemes. Text that fits is returned as it is.
 */
export function cutAtWord(text: string, max: number, suffix = '…'): string {
  if (charLength(text) <= max) return text;
  const room = max - charLength(suffix);
  // One character beyond the room shows whether a word ends exactly at the cut.
  const window = headWithin(text, room + 1);
  const lastSpace = window.lastIndexOf(' ');
  const kept = lastSpace > 0 ? window.slice(0, lastSpace) : headWithin(text, room);
  return kept.replace(/[\s.,;:!?·–—-]+$/u, '') + suffix;
}
