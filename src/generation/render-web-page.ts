import type { WebContent } from './draft.ts';
import { escapeHtml } from './markdown/render-markdown.ts';

/** JSON inside `<script>`: `<`, `>`, `&` and line separators escaped so it cannot close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A web post as a complete, standalone HTML page: title, meta description, canonical link, Open
 * Graph tags and JSON-LD in the head; the sanitized article in the body. For `toombos generate`
 * and for destinations that take whole pages.
 */
export function renderWebPage(
  content: WebContent,
  { lang = 'en' }: { lang?: string } = {},
): string {
  const meta = Object.entries(content.openGraph)
    .map(
      ([property, value]) =>
        `<meta property="${escapeHtml(property)}" content="${escapeHtml(value)}">`,
    )
    .join('\n    ');
  const canonical = content.canonicalUrl
    ? `\n    <link rel="canonical" href="${escapeHtml(content.canonicalUrl)}">`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(content.seoTitle)}</title>
    <meta name="description" content="${escapeHtml(content.metaDescription)}">${canonical}
    ${meta}
    <script type="application/ld+json">${scriptJson(content.jsonLd)}</script>
  </head>
  <body>
    <article>
${content.html}
    </article>
  </body>
</html>
`;
}
