import { renderMarkdown } from '../markdown/render-markdown.ts';

/** A start tag with its attributes, quoted values allowed to hold `>`. */
const IMG = /<img\b((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi;
const ANCHOR = /<a\b((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/gi;

function hasAttribute(attributes: string, name: string): boolean {
  return new RegExp(`\\s${name}=`, 'i').test(attributes);
}

/** Bodies rendered lately: re-rendering a document (other template, tone, edit) reuses them. */
const rendered = new Map<string, string>();
const RENDERED_MAX = 2000;

/**
 * An item body as the email shows it: `renderMarkdown` (the one sanitizer), then what the
 * sanitizer leaves behind made valid for email: an image whose unsafe `src` was removed is
 * dropped (so is a relative one: mail has no base URL), every image gets `alt` and fits the column, and `rel` goes from a link whose unsafe
 * `href` was removed.
 */
export function itemBodyHtml(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = emailSafe(renderMarkdown(markdown));
  // Map keeps insertion order: evict the oldest entry so the cache stays bounded.
  if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value ?? '');
  rendered.set(markdown, html);
  return html;
}

function emailSafe(html: string): string {
  return html
    .replace(IMG, (_tag, attributes: string) => {
      // A relative or stripped `src` can only show a broken image in a mailbox.
      if (!/\ssrc="https:\/\//i.test(attributes)) return '';
      const alt = hasAttribute(attributes, 'alt') ? '' : ' alt=""';
      return `<img${attributes}${alt} style="max-width:100%;height:auto;">`;
    })
    .replace(ANCHOR, (tag, attributes: string) =>
      hasAttribute(attributes, 'href') ? tag : `<a${attributes.replace(/\s+rel="[^"]*"/i, '')}>`,
    );
}
