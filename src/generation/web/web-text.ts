const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Collapses runs of whitespace: summaries and meta tags are single-line text. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Sentences of a plain text, each with its end punctuation; line breaks also end one. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map(singleLine)
    .filter((sentence) => sentence !== '');
}

/** The first graphemes of a text that fit in `max` UTF-16 units: never half an emoji. */
function cutAtGrapheme(text: string, max: number): string {
  let result = '';
  for (const { segment } of graphemes.segment(text)) {
    if (result.length + segment.length > max) break;
    result += segment;
  }
  return result;
}

/**
 * Shortens a single-line text to `max` characters at a word boundary, never mid-word, with
 * `suffix` (an ellipsis by default) marking the cut; trailing punctuation before it is dropped.
 */
export function cutAtWord(text: string, max: number, suffix = ELLIPSIS): string {
  if (text.length <= max) return text;
  const room = max - suffix.length;
  const window = text.slice(0, room + 1);
  const lastSpace = window.lastIndexOf(' ');
  const kept = lastSpace > 0 ? window.slice(0, lastSpace) : cutAtGrapheme(text, room);
  return kept.replace(/[\s,;:.—–-]+$/u, '') + suffix;
}

/**
 * The leading whole sentences of a text that fit in `max` characters; when even the first does
 * not fit, a cut at a word instead. Summaries read better when they end on a full stop.
 */
export function cutAtSentence(text: string, max: number): string {
  let result = '';
  for (const sentence of sentencesOf(text)) {
    const next = result === '' ? sentence : `${result} ${sentence}`;
    if (next.length > max) break;
    result = next;
  }
  return result !== '' ? result : cutAtWord(singleLine(text), max);
}
