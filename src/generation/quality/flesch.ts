/** Word, sentence and syllable counts of a plain text: the inputs of Flesch reading ease. */
export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

const VOWELS = 'aeiouy';
const LETTERS_ONLY = /^[a-z]*$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/u;

/**
 * English syllables of one word by heuristic: vowel groups, minus a silent trailing `e` (but not
 * `-le` after a consonant, as in "table", nor `-ee`), minus a silent `-es`/`-ed`; at least 1.
 * Numbers and non-Latin words count as one syllable.
 */
export function countSyllables(word: string): number {
  const lower = word.toLowerCase();
  const letters = LETTERS_ONLY.test(lower) ? lower : lower.replace(/[^a-z]/g, '');
  const length = letters.length;
  if (length <= 3) return 1;
  // Scanned by hand rather than with regexes: this runs for every word of every draft.
  let vowelGroups = 0;
  let inGroup = false;
  for (let index = 0; index < length; index += 1) {
    const vowel = VOWELS.includes(letters.charAt(index));
    if (vowel && !inGroup) vowelGroups += 1;
    inGroup = vowel;
  }
  const last = letters.charAt(length - 1);
  const before = letters.charAt(length - 2);
  const third = letters.charAt(length - 3);
  // silent e: [^e]e$, but not [^aeiouy]le$ ("table")
  const silentE = last === 'e' && before !== 'e' && !(before === 'l' && !VOWELS.includes(third));
  // silent -ed after [^aeioutd], silent -es after [^aeiouyszxhcg]
  const silentEnding =
    before === 'e' &&
    ((last === 'd' && !'aeioutd'.includes(third)) ||
      (last === 's' && !'aeiouyszxhcg'.includes(third)));
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
  return fleschOfStats(textStats(text));
}

/** Flesch reading ease from counts already made (see fleschReadingEase). */
export function fleschOfStats({ words, sentences, syllables }: TextStats): number {
  if (words === 0) return 0;
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
  return Math.round(score * 10) / 10;
}
