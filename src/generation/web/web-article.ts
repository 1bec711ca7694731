import type { WebContent } from '../draft.ts';
import { escapeHtml } from '../markdown/render-markdown.ts';
import { slugWithin } from './web-slug.ts';

/** A piece of the article: a heading Toombos writes itself, or HTML that is already safe. */
export type ArticleBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'html'; html: string };

/** One line of the table of contents, as `WebContent.toc` holds it. */
export type TocEntry = WebContent['toc'][number];

const HEADING_ID_MAX = 60;

/** Unique `[a-z0-9-]` ids for headings in order: a repeated title gets `-2`, `-3`, … */
export function headingIds(texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    const base = slugWithin(text, HEADING_ID_MAX) || 'section';
    let id = base;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${base}-${suffix}`;
    used.add(id);
    return id;
  });
}

/**
 * Joins the blocks into the article HTML. Heading text is escaped here and ids are slugs, so no
 * document text reaches a tag or an attribute unescaped; with `withIds` the TOC lists every heading.
 */
export function renderArticle(
  blocks: readonly ArticleBlock[],
  withIds: boolean,
): { html: string; toc: TocEntry[] } {
  const headingTexts = blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
  const ids = withIds ? headingIds(headingTexts) : [];
  const toc: TocEntry[] = [];
  const parts: string[] = [];
  let headingIndex = 0;
  for (const block of blocks) {
    if (block.kind === 'html') {
      if (block.html !== '') parts.push(block.html);
      continue;
    }
    const id = ids[headingIndex];
    headingIndex += 1;
    const tag = `h${block.level}`;
    const idAttribute = id === undefined ? '' : ` id="${id}"`;
    parts.push(`<${tag}${idAttribute}>${escapeHtml(block.text)}</${tag}>`);
    if (id !== undefined) toc.push({ level: block.level, text: block.text, id });
  }
  return { html: parts.join('\n'), toc };
}
