/** Length as people count characters in a subject line: code points. */
export function charLength(text: string): number {
  return [...text].length;
}

/**
 * Shortens text to at most `max` characters (code points), at the last word boundary, ending with
 * `…`; text that fits is returned as it is.
 */
export function cutAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > 0 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s.,;:!?·–—-]+$/u, '')}…`;
}
