import { isWhitespace, splitGraphemes } from './graphemes.ts';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Where a text may be cut, best first: sentence ends, starts of whitespace, word edges (for
 * scripts without spaces), then any grapheme boundary. Offsets ascend; every one is a grapheme
 * boundary, so a cut never ends in half an emoji, flag or accented letter.
 */
export interface CutPoints {
  sentences: number[];
  spaces: number[];
  words: number[];
  graphemes: number[];
  /** Offset → whether the grapheme starting there is whitespace (all boundaries but the end). */
  spaceAt: Map<number, boolean>;
  /** Offset → start of the grapheme that ends there. */
  previous: Map<number, number>;
  /** Offset → end of the grapheme that starts there. */
  next: Map<number, number>;
}

/**
 * A real sentence end: followed by whitespace, or a full stop of a script without spaces (`。`).
 * ICU also ends a "sentence" at the `?` or `!` inside a URL, which must never be cut.
 */
function endsSentence(segment: string): boolean {
  return (
    /\s$/u.test(segment) || (/\p{Sentence_Terminal}$/u.test(segment) && !/[.!?]$/.test(segment))
  );
}

function segmentEnds(
  segmenter: Intl.Segmenter,
  text: string,
  safe: Map<number, boolean>,
  accept: (segment: string) => boolean = () => true,
): number[] {
  const ends: number[] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (end > 0 && (safe.has(end) || end === text.length) && accept(segment)) ends.push(end);
  }
  return ends;
}

// The last text segmented: fitting a post cuts the same body once per hashtag count.
let last: { text: string; points: CutPoints } | null = null;

/** Segments a text once, so cutting it many times costs no more segmentation. */
export function cutPoints(text: string): CutPoints {
  if (last?.text !== text) last = { text, points: segmentText(text) };
  return last.points;
}

function segmentText(text: string): CutPoints {
  const spaces: number[] = [];
  const graphemes: number[] = [];
  const spaceAt = new Map<number, boolean>();
  const previous = new Map<number, number>();
  const next = new Map<number, number>();
  let offset = 0;
  let previousWasSpace = true;
  for (const grapheme of splitGraphemes(text)) {
    const space = isWhitespace(grapheme);
    if (space && !previousWasSpace) spaces.push(offset);
    previousWasSpace = space;
    spaceAt.set(offset, space);
    previous.set(offset + grapheme.length, offset);
    next.set(offset, offset + grapheme.length);
    offset += grapheme.length;
    graphemes.push(offset);
  }
  return {
    sentences: segmentEnds(sentenceSegmenter, text, spaceAt, endsSentence),
    spaces,
    words: segmentEnds(wordSegmenter, text, spaceAt),
    graphemes,
    spaceAt,
    previous,
    next,
  };
}

/** `[start, end)` with whitespace graphemes removed from both ends (both must be boundaries). */
export function trimRange(points: CutPoints, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && points.spaceAt.get(from) === true) from = points.next.get(from) ?? to;
  while (to > from) {
    const last = points.previous.get(to) ?? from;
    if (points.spaceAt.get(last) !== true) break;
    to = last;
  }
  return [from, to];
}

/**
 * The last offset (from those after `after`) whose candidate `accepts`, found by galloping from
 * the shortest: cheap when the answer is short, and a longer cut never measures shorter.
 */
export function longestAccepted(
  offsets: readonly number[],
  after: number,
  accepts: (offset: number) => boolean,
): number | null {
  let low = offsets.findIndex((offset) => offset > after);
  if (low === -1) return null;
  let best: number | null = null;
  let step = 1;
  let high = offsets.length - 1;
  // Gallop: double the step while candidates fit, then bisect the last gap.
  while (low <= high) {
    const probe = Math.min(low + step - 1, high);
    const offset = offsets[probe] ?? after;
    if (accepts(offset)) {
      best = offset;
      low = probe + 1;
      step *= 2;
    } else {
      high = probe - 1;
      step = 1;
    }
  }
  return best;
}
