import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'del',
  's',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // Anything else is dropped with its content for scripts and styles, kept as text otherwise.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
  allowedClasses: {},
};
// `rel` is added by the transform above, so it must be allowed on the way out.
(sanitizeOptions.allowedAttributes as Record<string, string[]>).a?.push('rel');

/**
 * Markdown written in a living document → HTML that is safe to put in an email or a web page:
 * rendered with marked, then cleaned with an allowlist (no scripts, no event handlers, no
 * `javascript:` or `data:` URLs, no inline styles). The only way document text becomes HTML.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return demoteHeadings(sanitizeHtml(html, sanitizeOptions).trim());
}

/** Item bodies sit under an h3 item title: their highest heading becomes h4, the rest follow. */
const ITEM_BODY_TOP_LEVEL = 4;
const HEADING_TAG = /<(\/?)h([1-6])>/g;

function demoteHeadings(html: string): string {
  let top = 7;
  for (const match of html.matchAll(HEADING_TAG)) top = Math.min(top, Number(match[2]));
  if (top === 7) return html;
  const shift = ITEM_BODY_TOP_LEVEL - top;
  // Sanitized headings carry no attributes, so the bare tag is all there is to rewrite.
  return html.replace(
    HEADING_TAG,
    (_tag, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}>`,
  );
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Markdown → plain text for text parts, social posts and scoring: links as `text (url)`. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/<[^>]+>/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
