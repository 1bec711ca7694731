import { channels } from '../channels.ts';
import type { BrandContext } from '../generation-input.ts';
import { cutAtWord } from '../text/cut-at-word.ts';
import { cutAtSentence, singleLine } from './web-text.ts';

const limits = channels.web.limits;
/** Search engines show about 110 characters of a BlogPosting headline. */
const HEADLINE_MAX = 110;

/** Long post titles are cut for the `<title>` tag; short ones gain the brand as a suffix. */
export function seoTitleOf(
  title: string,
  brandName: string,
): { seoTitle: string; truncated: boolean } {
  const max = limits.seoTitleMax;
  const branded = `${title} | ${brandName.trim()}`;
  if (brandName.trim() !== '' && branded.length <= max)
    return { seoTitle: branded, truncated: false };
  if (title.length <= max) return { seoTitle: title, truncated: false };
  return { seoTitle: cutAtWord(title, max, ''), truncated: true };
}

/**
 * The meta description (120–160 characters): the author's SEO description when given, else whole
 * sentences of `sourceText`, else `sourceText` cut at a word. It can still be short when the text
 * is; the caller reports that.
 */
export function metaDescriptionOf(seoDescription: string | undefined, sourceText: string): string {
  const given = singleLine(seoDescription ?? '');
  if (given !== '') return cutAtWord(given, limits.metaDescriptionMax);
  const text = singleLine(sourceText);
  const sentences = cutAtSentence(text, limits.metaDescriptionMax);
  return sentences.length >= limits.metaDescriptionMin
    ? sentences
    : cutAtWord(text, limits.metaDescriptionMax);
}

/** What JSON-LD and Open Graph say about the post. */
export interface PostFacts {
  title: string;
  description: string;
  datePublished: string | null;
  canonicalUrl: string | null;
  tags: readonly string[];
  wordCount: number;
  brand: BrandContext;
}

/** schema.org `BlogPosting` for rich results; keys in a fixed order so output is byte-stable. */
export function blogPostingJsonLd(facts: PostFacts): Record<string, unknown> {
  const { brand, canonicalUrl, datePublished } = facts;
  const organization = {
    '@type': 'Organization',
    name: brand.name,
    ...(brand.siteUrl === null ? {} : { url: brand.siteUrl }),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: cutAtWord(facts.title, HEADLINE_MAX),
    description: facts.description,
    ...(datePublished === null ? {} : { datePublished }),
    author: organization,
    publisher: {
      ...organization,
      ...(brand.logoUrl === null ? {} : { logo: { '@type': 'ImageObject', url: brand.logoUrl } }),
    },
    ...(facts.tags.length === 0 ? {} : { keywords: facts.tags.join(', ') }),
    ...(canonicalUrl === null
      ? {}
      : { mainEntityOfPage: { '@type': 'WebPage', '@id': canonicalUrl }, url: canonicalUrl }),
    wordCount: facts.wordCount,
  };
}

/** Open Graph tags, so shared links show a title, summary and image. */
export function openGraphOf(facts: PostFacts): Record<string, string> {
  const tags: Record<string, string> = {
    'og:type': 'article',
    'og:title': facts.title,
    'og:description': facts.description,
  };
  if (facts.canonicalUrl !== null) tags['og:url'] = facts.canonicalUrl;
  tags['og:site_name'] = facts.brand.name;
  if (facts.brand.logoUrl !== null) tags['og:image'] = facts.brand.logoUrl;
  if (facts.datePublished !== null) tags['article:published_time'] = facts.datePublished;
  return tags;
}
