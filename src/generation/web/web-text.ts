import { cutAtWord } from '../text/cut-at-word.ts';

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
