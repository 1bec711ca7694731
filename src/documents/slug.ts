// Any character outside ASCII; only such text can have accents to fold.
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** a–z and 0–9: the characters a slug keeps. */
function isSlugCharacter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * The runs of a–z and 0–9 in `lower`, joined by `-`: what `.replace(/[^a-z0-9]+/g, '-')` followed
 * by trimming `-` from both ends gives, in one pass. A slug is made for every item, and those two
 * regex replaces allocated many times the size of the slug itself.
 */
function joinRuns(lower: string): string {
  let joined = '';
  let runStart = -1;
  for (let index = 0; index <= lower.length; index += 1) {
    const inRun = index < lower.length && isSlugCharacter(lower.charCodeAt(index));
    if (inRun && runStart === -1) runStart = index;
    else if (!inRun && runStart !== -1) {
      joined += (joined === '' ? '' : '-') + lower.slice(runStart, index);
      runStart = -1;
    }
  }
  return joined;
}

/** Lower-case ASCII slug used in item keys; accents are folded so `Café` and `Cafe` agree. */
export function slug(text: string): string {
  // NFKD leaves ASCII text unchanged, so plain titles skip the costly normalisation.
  const folded = NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
  return joinRuns(folded.toLowerCase());
}
