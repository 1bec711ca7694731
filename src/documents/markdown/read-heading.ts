import { slug } from '../slug.ts';

/** Undoes Markdown backslash escapes (`\(` → `(`) so titles read as written. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
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
