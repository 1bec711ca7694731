import { channels } from '../channels.ts';
import type { FormattedDraft, WebContent } from '../draft.ts';
import { type GenerationInput, leadItem } from '../generation-input.ts';
import { countWords, htmlToText } from '../quality/plain-text-of.ts';
import { type ArticleBlock, renderArticle } from './web-article.ts';
import {
  digestBlocks,
  endingBlocks,
  itemBodyHtml,
  type TonedItem,
  toneItem,
  webTone,
} from './web-blocks.ts';
import { noItemsIssue, webIssues } from './web-issues.ts';
import { blogPostingJsonLd, metaDescriptionOf, openGraphOf, seoTitleOf } from './web-metadata.ts';
import { webSlug } from './web-slug.ts';
import { cutAtSentence, singleLine } from './web-text.ts';

const limits = channels.web.limits;
const WORDS_PER_MINUTE = 200;
const TAGS_MAX = 15;
/** Posts with this many headings, or more words than TOC_WORDS, get heading ids and a TOC. */
const TOC_HEADINGS = 4;
const TOC_WORDS = 600;

/** Reading time as blogs show it (PRODUCT.md §4): words / 200, rounded up, at least a minute. */
export function readingTimeMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** Item tags lower-cased and de-duplicated in first-seen order, at most 15 (PRODUCT.md §4). */
function unionOfTags(items: readonly TonedItem[]): string[] {
  const tags = new Set<string>();
  for (const { item } of items)
    for (const tag of item.tags) {
      const clean = singleLine(tag).toLowerCase();
      if (clean !== '') tags.add(clean);
    }
  return [...tags].slice(0, TAGS_MAX);
}

/** The post's title from the lead item; a short one is padded with the brand name. */
function postTitle(leadTitle: string, brandName: string): string {
  const title = singleLine(leadTitle);
  return title.length < limits.titleMin && brandName.trim() !== ''
    ? `${title} — ${brandName.trim()}`
    : title;
}

function emptyDraft(input: GenerationInput): FormattedDraft<WebContent> {
  const content: WebContent = {
    channel: 'web',
    title: '',
    slug: webSlug(input.campaignSlug, '', limits.slugMax),
    excerpt: '',
    html: '',
    tags: [],
    seoTitle: '',
    metaDescription: '',
    canonicalUrl: null,
    jsonLd: {},
    openGraph: {},
    toc: [],
    readingTimeMinutes: readingTimeMinutes(0),
    itemKeys: [],
  };
  return {
    content,
    issues: [noItemsIssue()],
  };
}

/**
 * Items → a web post (PRODUCT.md §5.3): one item becomes its article, several a digest by
 * section. Synchronous and deterministic; every human text passes the tone first, document
 * Markdown becomes HTML only through `renderMarkdown`, and every limit breach is an issue.
 */
export function formatWeb(input: GenerationInput): FormattedDraft<WebContent> {
  const lead = leadItem(input.items);
  const toned = input.items.map((item) => toneItem(item, input));
  const tonedLead = toned.find((entry) => entry.item === lead);
  if (lead === undefined || tonedLead === undefined) return emptyDraft(input);

  const title = postTitle(tonedLead.title, input.brand.name);
  const excerpt = cutAtSentence(tonedLead.text, limits.excerptMax);

  const { blocks, itemKeys }: { blocks: ArticleBlock[]; itemKeys: string[] } =
    toned.length === 1
      ? { blocks: [{ kind: 'html', html: itemBodyHtml(tonedLead, input) }], itemKeys: [lead.key] }
      : digestBlocks(tonedLead, toned, input);
  blocks.push(...endingBlocks(input));
  const wordCount = countWords(htmlToText(renderArticle(blocks, false).html));
  const headingCount = blocks.filter((block) => block.kind === 'heading').length;
  const article = renderArticle(blocks, headingCount >= TOC_HEADINGS || wordCount > TOC_WORDS);

  const { seoTitle, truncated } = seoTitleOf(title, input.brand.name);
  const laterTexts = toned.filter((entry) => entry !== tonedLead).map((entry) => entry.text);
  const metaDescription = metaDescriptionOf(
    lead.fields.seoDescription === undefined
      ? undefined
      : webTone(lead.fields.seoDescription, input),
    [tonedLead.text, ...laterTexts].join('\n'),
  );

  const slug = webSlug(input.campaignSlug, title, limits.slugMax);
  const siteUrl = input.brand.siteUrl?.replace(/\/+$/, '') ?? null;
  const canonicalUrl = siteUrl === null ? null : `${siteUrl}/blog/${slug}`;
  const tags = unionOfTags(toned);
  const facts = {
    title,
    description: metaDescription,
    datePublished: lead.date,
    canonicalUrl,
    tags,
    wordCount,
    brand: input.brand,
  };

  const content: WebContent = {
    channel: 'web',
    title,
    slug,
    excerpt,
    html: article.html,
    tags,
    seoTitle,
    metaDescription,
    canonicalUrl,
    jsonLd: blogPostingJsonLd(facts),
    openGraph: openGraphOf(facts),
    toc: article.toc,
    readingTimeMinutes: readingTimeMinutes(wordCount),
    itemKeys,
  };
  const issues = webIssues({ title, slug, metaDescription, seoTitleTruncated: truncated });
  return { content, issues };
}
