import twitterText from 'twitter-text';
import type { LengthCounting } from '../channels.ts';
import { isSimpleText, splitGraphemes } from './graphemes.ts';

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What a URL counts on platforms that shorten links (X's t.co, Mastodon). */
export const URL_LENGTH = 23;

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function mastodonLength(text: string): number {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let length = codePoints(text);
  for (const { url } of urls) length += URL_LENGTH - codePoints(url);
  return length;
}

/** A text's length as the platform counts it, so posts are cut to the platform's own limit. */
export function measureLength(text: string, counting: LengthCounting): number {
  switch (counting) {
    case 'twitter_weighted':
      return twitterText.parseTweet(text).weightedLength;
    case 'mastodon':
      return mastodonLength(text);
    case 'graphemes':
      return isSimpleText(text) ? text.length : splitGraphemes(text).length;
    case 'characters':
      return codePoints(text);
  }
}

/**
 * Whether a text fits a limit: `measureLength(text, counting) <= limit`, but stops counting
 * graphemes once past the limit, as fitting a post tries many over-long candidates.
 */
export function fitsWithin(text: string, limit: number, counting: LengthCounting): boolean {
  if (counting !== 'graphemes') return measureLength(text, counting) <= limit;
  // Never more graphemes than UTF-16 code units.
  if (text.length <= limit) return true;
  if (isSimpleText(text)) return false;
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) {
    count += 1;
    if (count > limit) return false;
  }
  return true;
}
