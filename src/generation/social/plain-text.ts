import { markdownToText } from '../markdown/render-markdown.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls other than newline and tab, which no post should carry.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROLS, '').replace(/\t/g, ' ');
}

/** Item Markdown → plain post text: tags stripped (no `<script>` survives), paragraphs kept. */
export function bodyText(markdown: string): string {
  return clean(markdownToText(markdown))
    .replace(/[ \u00A0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An item title → one plain line, so a heading with markup or stray tags reads cleanly. */
export function titleText(title: string): string {
  return clean(markdownToText(title)).replace(/\s+/g, ' ').trim();
}
