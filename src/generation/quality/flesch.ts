/** Word, sentence and syllable counts of a plain text: the inputs of Flesch reading ease. */
export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/u;

/**
 * English syllables of one word by heuristic: vowel groups, minus a silent trailing `e` (but not
 * `-le` after a consonant, as in "table", nor `-ee`), minus a silent `-es`/`-ed`; at least 1.
 * Numbers and non-Latin words count as one syllable.
 */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length <= 3) return 1;
  const vowelGroups = letters.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = /[^e]e$/.test(letters) && !/[^aeiouy]le$/.test(letters);
  const silentEnding = /[^aeioutd]ed$/.test(letters) || /[^aeiouyszxhcg]es$/.test(letters);
  const count = silentE || silentEnding ? vowelGroups - 1 : vowelGroups;
  return Math.max(1, count);
}

/** Counts words, sentences (at least 1 when there are words) and syllables of a plain text. */
export function textStats(text: string): TextStats {
  let words = 0;
  let syllables = 0;
  let sentences = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    const found = sentence.match(WORD);
    if (found === null) continue;
    sentences += 1;
    words += found.length;
    for (const word of found) syllables += countSyllables(word);
  }
  return { words, sentences, syllables };
}

/**
 * Flesch reading ease: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words), rounded to one
 * decimal. Higher is easier; 60–70 is plain English. A text without words scores 0: nothing to
 * read is treated as unreadable, never as "very easy".
 */
export function fleschReadingEase(text: string): number {
  const { words, sentences, syllables } = textStats(text);
  if (words === 0) return 0;
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
  return Math.round(score * 10) / 10;
}
