import type { LengthCounting } from '../channels.ts';
import { type CutPoints, cutPoints, longestAccepted, trimRange } from './cut-points.ts';
import { joinsCleanly } from './graphemes.ts';
import { fitsWithin } from './measure-length.ts';

export const ELLIPSIS = '…';

/** How a text was shortened: not at all, at a sentence end, between words or graphemes, or fully. */
export type CutKind = 'none' | 'sentence' | 'word' | 'grapheme' | 'dropped';

export interface Truncated {
  text: string;
  cut: CutKind;
}

/** A sentence cut must keep this share of what a word cut keeps, or the word cut wins. */
const SENTENCE_SHARE = 0.6;

/**
 * The text up to `end` with its ellipsis (a space before it after a full stop), dropping a last
 * grapheme that would merge with the ellipsis (a prepend mark); empty when nothing is left.
 */
function withEllipsis(text: string, points: CutPoints, end: number): string {
  let [, to] = trimRange(points, 0, end);
  while (to > 0) {
    const kept = text.slice(0, to);
    const suffix = /[.!?]$/.test(kept) ? ` ${ELLIPSIS}` : ELLIPSIS;
    const last = text.slice(points.previous.get(to) ?? 0, to);
    if (joinsCleanly(last, suffix)) return kept + suffix;
    [, to] = trimRange(points, 0, points.previous.get(to) ?? 0);
  }
  return '';
}

/**
 * Shortens `text` until `fits` accepts it, so a post can be cut to whatever room the rest of it
 * leaves: at a sentence end when that keeps enough, else between words, and only for a single
 * overlong word between graphemes; never inside a grapheme, always ending with `…`.
 */
export function truncateToFit(text: string, fits: (candidate: string) => boolean): Truncated {
  if (fits(text)) return { text, cut: 'none' };
  const points = cutPoints(text);
  const longest = (offsets: readonly number[]): string | null => {
    const accepts = (end: number) => {
      const candidate = withEllipsis(text, points, end);
      return candidate !== '' && fits(candidate);
    };
    const end = longestAccepted(offsets, 0, accepts);
    return end === null ? null : withEllipsis(text, points, end);
  };
  const word = longest(points.spaces);
  const sentence = longest(points.sentences);
  if (sentence !== null && sentence.length >= SENTENCE_SHARE * (word?.length ?? 0))
    return { text: sentence, cut: 'sentence' };
  if (word !== null) return { text: word, cut: 'word' };
  const wordEdge = longest(points.words);
  if (wordEdge !== null) return { text: wordEdge, cut: 'word' };
  const grapheme = longest(points.graphemes);
  if (grapheme !== null) return { text: grapheme, cut: 'grapheme' };
  return { text: '', cut: 'dropped' };
}

/** Cuts a text to a platform limit under the platform's own counting (ellipsis included). */
export function truncate(text: string, limit: number, counting: LengthCounting): string {
  return truncateToFit(text, (candidate) => fitsWithin(candidate, limit, counting)).text;
}
