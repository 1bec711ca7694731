import { slug } from '../slug.ts';

const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;

/** Undoes Markdown backslash escapes (`\(` → `(`) so titles read as written. */
export function unescapeMarkdown(text: string): string {
  // Most titles have no backslash at all; finding none is cheaper than a regex pass.
  return text.includes('\\') ? text.replace(MARKDOWN_ESCAPE, '$1') : text;
}

/** `## [App] Recent Updates` → key `app`, heading "Recent Updates"; untagged → slug of heading. */
export function readSectionHeading(text: string): { key: string; heading: string | null } {
  const tagged = /^\[([^\]]*)\]\s*(.*)$/.exec(text.trim());
  if (tagged) {
    const heading = unescapeMarkdown(tagged[2] ?? '').trim() || null;
    const key = slug(tagged[1] ?? '') || slug(heading ?? '') || 'section';
    return { key, heading };
  }
  const heading = unescapeMarkdown(text).trim();
  return { key: slug(heading) || 'section', heading: heading || null };
}
