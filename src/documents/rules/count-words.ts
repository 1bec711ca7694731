/** True for the characters `\s` matches: ASCII whitespace, NBSP and the Unicode spaces. */
function isSpace(code: number): boolean {
  // Printable ASCII (and the C1 controls) make up most of any body and none of them is a space:
  // one range test settles them before the full list below.
  if (code > 32 && code < 0xa0) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

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
