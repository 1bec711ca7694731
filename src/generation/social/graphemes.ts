const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WHITESPACE = /^\s+$/u;

/** User-perceived characters: the only units text may be cut between. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), ({ segment }) => segment);
}

/** Whether `right` can follow `left` without the two merging into one grapheme (ZWJ, marks, flags). */
export function joinsCleanly(left: string, right: string): boolean {
  if (left === '' || right === '') return true;
  const last = splitGraphemes(left).at(-1) ?? '';
  const first = splitGraphemes(right)[0] ?? '';
  return splitGraphemes(last + first).length === 2;
}

/** `String.trim` can strip the space a combining mark sits on; this trims whole graphemes only. */
export function trimGraphemes(text: string): string {
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
