const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WHITESPACE = /^\s+$/u;
/**
 * Text in which every UTF-16 unit is its own grapheme: printable ASCII, Latin-1 and Latin Extended
 * letters, ordinary punctuation, line feeds. No surrogates, combining marks, joiners, variation
 * selectors or CR (CR LF is one grapheme). Most posts are like this, and need no segmenting.
 */
const ONE_UNIT_PER_GRAPHEME =
  /^[\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*$/;

/** Whether `text.length` is its grapheme count (see ONE_UNIT_PER_GRAPHEME). */
export function isSimpleText(text: string): boolean {
  return ONE_UNIT_PER_GRAPHEME.test(text);
}

/** User-perceived characters: the only units text may be cut between. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), ({ segment }) => segment);
}

/** Whether `right` can follow `left` without the two merging into one grapheme (ZWJ, marks, flags). */
export function joinsCleanly(left: string, right: string): boolean {
  if (left === '' || right === '') return true;
  // Only the graphemes at the seam matter; `containing` finds them without segmenting the rest.
  const last = graphemeSegmenter.segment(left).containing(left.length - 1)?.segment ?? '';
  const first = graphemeSegmenter.segment(right).containing(0)?.segment ?? '';
  let count = 0;
  for (const _ of graphemeSegmenter.segment(last + first)) count += 1;
  return count === 2;
}

/** `String.trim` can strip the space a combining mark sits on; this trims whole graphemes only. */
export function trimGraphemes(text: string): string {
  if (isSimpleText(text)) return text.trim();
  const graphemes = splitGraphemes(text);
  let start = 0;
  let end = graphemes.length;
  while (start < end && WHITESPACE.test(graphemes[start] ?? '')) start += 1;
  while (end > start && WHITESPACE.test(graphemes[end - 1] ?? '')) end -= 1;
  return graphemes.slice(start, end).join('');
}

/** Whether a grapheme is whitespace only: word boundaries sit next to these. */
export function isWhitespace(grapheme: string): boolean {
  return WHITESPACE.test(grapheme);
}
