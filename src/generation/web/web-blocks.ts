import type { Item } from '../../documents/item.ts';
import type { GenerationInput } from '../generation-input.ts';
import { escapeHtml, renderMarkdown } from '../markdown/render-markdown.ts';
import { htmlToText } from '../quality/plain-text-of.ts';
import { applyTone, tonePhrase } from '../tones/apply-tone.ts';
import type { ArticleBlock } from './web-article.ts';
import { singleLine } from './web-text.ts';

/** An item with the tone applied to its title and body, the body rendered once as HTML and text. */
export interface TonedItem {
  item: Item;
  title: string;
  /** Sanitized HTML of the toned Markdown body. */
  html: string;
  /** What a reader sees of `html`, for excerpts and descriptions. */
  text: string;
}

/** The item with the tone applied and its body rendered through `renderMarkdown`. */
export function toneItem(item: Item, input: GenerationInput): TonedItem {
  const html = renderMarkdown(webTone(item.body, input));
  return { item, title: singleLine(webTone(item.title, input)), html, text: htmlToText(html) };
}

/** Applies the tone's caps and word choices to one human text of the web post. */
export function webTone(text: string, input: GenerationInput): string {
  return applyTone(text, input.tone, 'web');
}

/** A tone phrase (closing, call to action, disclaimer) with `{brand}` filled in and the tone applied. */
function webPhrase(phrase: string, input: GenerationInput): string {
  return webTone(tonePhrase(phrase, input.brand.name), input);
}

function httpUrl(link: string | null): string | null {
  if (link === null || !URL.canParse(link)) return null;
  const url = new URL(link);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The item's body rendered safely, then its link as a call to action (http/https only). */
export function itemBodyHtml(toned: TonedItem, input: GenerationInput): string {
  const body = toned.html;
  const href = httpUrl(toned.item.link);
  if (href === null) return body;
  const label = toned.item.callToAction ?? input.tone.callToAction;
  const text = webPhrase(label, input);
  const cta = `<p><a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a></p>`;
  return body === '' ? cta : `${body}\n${cta}`;
}

/** `breathing-tips` → `Breathing tips`, for sections whose heading has no title text. */
function sectionLabel(sectionKey: string): string {
  const words = sectionKey.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Several items → a digest: the lead item opens it (its body, under the post's own title, as
 * email puts featured items first), then each section of the other items (h2, document order)
 * with its items (h3 and body). Returns the blocks and the item keys in the order they appear.
 */
export function digestBlocks(
  lead: TonedItem,
  items: readonly TonedItem[],
  input: GenerationInput,
): { blocks: ArticleBlock[]; itemKeys: string[] } {
  const sections = new Map<string, TonedItem[]>();
  for (const toned of items) {
    if (toned === lead) continue;
    const members = sections.get(toned.item.section);
    if (members === undefined) sections.set(toned.item.section, [toned]);
    else members.push(toned);
  }
  const blocks: ArticleBlock[] = [{ kind: 'html', html: itemBodyHtml(lead, input) }];
  const itemKeys: string[] = [lead.item.key];
  for (const [sectionKey, members] of sections) {
    const heading = members[0]?.item.sectionHeading ?? sectionLabel(sectionKey);
    blocks.push({ kind: 'heading', level: 2, text: singleLine(webTone(heading, input)) });
    for (const toned of members) {
      blocks.push({ kind: 'heading', level: 3, text: toned.title });
      blocks.push({ kind: 'html', html: itemBodyHtml(toned, input) });
      itemKeys.push(toned.item.key);
    }
  }
  return { blocks, itemKeys };
}

/** The tone's closing (line breaks kept) and its disclaimers: every post ends with them. */
export function endingBlocks(input: GenerationInput): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  const closingLines = webPhrase(input.tone.closing, input)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (closingLines.length > 0)
    blocks.push({ kind: 'html', html: `<p>${closingLines.map(escapeHtml).join('<br>')}</p>` });
  for (const disclaimer of input.tone.disclaimers)
    blocks.push({
      kind: 'html',
      html: `<p><em>${escapeHtml(webPhrase(disclaimer, input))}</em></p>`,
    });
  return blocks;
}
