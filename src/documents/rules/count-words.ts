import { isSpace } from '../is-space.ts';

/**
 * Words as an editor counts them: runs of non-space characters, Markdown marks included. A scan
 * rather than `split(/\s+/)`: it runs on every item body, and the split allocated every word.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    if (isSpace(text.charCodeAt(index))) inWord = false;
    else if (!inWord) {
      inWord = true;
      words += 1;
    }
  }
  return words;
}
