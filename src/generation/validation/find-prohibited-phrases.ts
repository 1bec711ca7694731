/** A prohibited phrase found in a text, with where it was found. */
export interface ProhibitedMatch {
  phrase: string;
  /** The text as written, e.g. `Guaranteed`. */
  found: string;
}

const patterns = new Map<string, RegExp>();

function patternFor(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (!pattern) {
    const escaped = phrase
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    // Whole words: "cure" matches "Cure" and "cure," but not "secure" or "curated".
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(phrase, pattern);
  }
  return pattern;
}

/**
 * Brand safety (PRODUCT.md §5.5): every prohibited phrase present in `text`, matched as whole
 * words, case-insensitively, across any whitespace. HTML tags should be stripped by the caller.
 */
export function findProhibitedPhrases(text: string, phrases: readonly string[]): ProhibitedMatch[] {
  const matches: ProhibitedMatch[] = [];
  for (const phrase of phrases) {
    const found = patternFor(phrase).exec(text);
    if (found) matches.push({ phrase, found: found[0] });
  }
  return matches;
}
