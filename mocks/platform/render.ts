import type { StoredContent } from './state.ts';

/** Escapes text for HTML, so a title can never break out of <title> or <h1>. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A minimal public page for a post, so a dry run can be looked at in a browser. */
export function renderPost(item: StoredContent): string {
  const title = escapeHtml(item.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${title}</title>
</head>
<body>
<p><small>Mock Platform · ${escapeHtml(item.type)} · ${escapeHtml(item.status)}</small></p>
<h1>${title}</h1>
<article>
${item.content_html}
</article>
</body>
</html>
`;
}
