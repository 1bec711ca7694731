import type { ChannelId } from '../channels.ts';
import type { Tone } from './tone.ts';

// Pictographs (with their modifiers and ZWJ sequences, as graphemes) and flags (regional indicator pairs).
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Enforces a tone's word choices and caps on one text meant for `channel`: banned casual words
 * replaced, `!` beyond the cap turned into `.`, emoji beyond the channel's cap removed (whole
 * graphemes, so skin tones and ZWJ sequences go together). Pure and deterministic; run it on
 * every human-readable text of a draft before measuring its length.
 */
export function applyTone(text: string, tone: Tone, channel: ChannelId): string {
  let result = replaceBannedWords(text, tone);
  result = capExclamations(result, tone.exclamationCap);
  result = capEmoji(result, tone.emojiCap[channel] ?? 0);
  return result;
}

/** `{brand}` in a tone phrase becomes the brand's name. */
export function tonePhrase(phrase: string, brandName: string): string {
  return phrase.replaceAll('{brand}', brandName);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const bannedPatterns = new WeakMap<Tone, RegExp | null>();

function bannedPattern(tone: Tone): RegExp | null {
  let pattern = bannedPatterns.get(tone);
  if (pattern === undefined) {
    const words = tone.bannedWords.map((entry) => escapeRegExp(entry.word));
    pattern =
      words.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])( ?)`, 'giu');
    bannedPatterns.set(tone, pattern);
  }
  return pattern;
}

function replaceBannedWords(text: string, tone: Tone): string {
  const pattern = bannedPattern(tone);
  if (pattern === null) return text;
  return text.replace(pattern, (match: string, space: string) => {
    const word = match.slice(0, match.length - space.length);
    const entry = tone.bannedWords.find(
      (banned) => banned.word.toLowerCase() === word.toLowerCase(),
    );
    const replacement = entry?.replacement ?? '';
    if (replacement === '') return '';
    // Keep the writer's capitalisation of the first letter.
    const first = word[0] ?? '';
    const cased =
      first !== first.toLowerCase()
        ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
        : replacement;
    return cased + space;
  });
}

function capExclamations(text: string, cap: number): string {
  let seen = 0;
  return text.replace(/!/g, () => {
    seen += 1;
    return seen <= cap ? '!' : '.';
  });
}

function capEmoji(text: string, cap: number): string {
  if (!EMOJI.test(text)) return text;
  let seen = 0;
  let result = '';
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      seen += 1;
      if (seen > cap) continue;
    }
    result += segment;
  }
  // Removing an emoji can leave a double space behind.
  return result.replace(/ {2,}/g, ' ').replace(/ +\n/g, '\n');
}

/** Emoji in a text, counted as graphemes (a family emoji counts once). */
export function countEmoji(text: string): number {
  if (!EMOJI.test(text)) return 0;
  let count = 0;
  for (const { segment } of graphemes.segment(text)) if (EMOJI.test(segment)) count += 1;
  return count;
}
