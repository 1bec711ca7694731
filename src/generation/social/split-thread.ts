import type { LengthCounting } from '../channels.ts';
import { cutPoints, longestAccepted, trimRange } from './cut-points.ts';
import { joinsCleanly } from './graphemes.ts';
import { fitsWithin } from './measure-length.ts';

/** Greedy chunks of one section: as many whole sentences as fit, else words, else graphemes. */
function chunkSection(text: string, fits: (chunk: string) => boolean): string[] {
  const points = cutPoints(text);
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const [from, to] = trimRange(points, start, text.length);
    if (from === to) break;
    if (fits(text.slice(from, to))) {
      chunks.push(text.slice(from, to));
      break;
    }
    const accepts = (end: number) => {
      const [chunkFrom, chunkTo] = trimRange(points, from, end);
      return chunkFrom < chunkTo && fits(text.slice(chunkFrom, chunkTo));
    };
    const end =
      longestAccepted(points.sentences, from, accepts) ??
      longestAccepted(points.spaces, from, accepts) ??
      longestAccepted(points.words, from, accepts) ??
      longestAccepted(points.graphemes, from, accepts);
    if (end === null) {
      // One grapheme heavier than a whole post (hundreds of stacked marks): it cannot be posted.
      start = points.next.get(from) ?? text.length;
      continue;
    }
    const [chunkFrom, chunkTo] = trimRange(points, from, end);
    chunks.push(text.slice(chunkFrom, chunkTo));
    start = end;
  }
  return chunks;
}

/** `text 2/5`; a newline instead of the space after a character that would absorb it. */
function numbered(text: string, position: number, total: number): string {
  const separator = joinsCleanly(text, ' ') ? ' ' : '\n';
  return `${text}${separator}${position}/${total}`;
}

/**
 * Text too long for one post → a numbered thread (`1/3`, `2/3`, …) whose every part, number
 * included, fits `limit` under `counting`. Each section (e.g. a disclaimer) starts a new part;
 * parts break at sentence ends, falling back to words, then graphemes.
 */
export function splitThread(
  sections: readonly string[],
  limit: number,
  counting: LengthCounting,
): string[] {
  for (let digits = 1; ; digits += 1) {
    const widest = '9'.repeat(digits);
    const reserve = ` ${widest}/${widest}`;
    const fits = (chunk: string) => fitsWithin(chunk + reserve, limit, counting);
    const chunks = sections.flatMap((section) => chunkSection(section, fits));
    if (chunks.length < 10 ** digits)
      return chunks.map((chunk, index) => numbered(chunk, index + 1, chunks.length));
  }
}
