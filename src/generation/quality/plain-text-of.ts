import type { DraftContent } from '../draft.ts';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the named entities sanitizers and `escapeHtml` emit, plus every numeric entity. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x')
        ? Number.parseInt(lower.slice(2), 16)
        : Number.parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[lower] ?? entity;
  });
}

/**
 * HTML → the text a reader sees, so word counts and readability ignore markup. Block ends become
 * blank lines (a heading without a full stop still ends a sentence); inline tags vanish.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|h[1-6]|li|blockquote|pre|td|th|tr|div|table|ul|ol)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Words as a reader counts them: whitespace-separated runs that hold a letter or a digit. */
export function countWords(text: string): number {
  return text.match(WORD_WITH_LETTER)?.length ?? 0;
}

const WORD_WITH_LETTER = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/** Plain text of any draft, for scoring: email's text part, web's HTML as text, posts joined. */
export function plainTextOf(content: DraftContent): string {
  switch (content.channel) {
    case 'email':
      return content.text;
    case 'web':
      return htmlToText(content.html);
    default:
      return content.posts.map((post) => post.text).join('\n\n');
  }
}
