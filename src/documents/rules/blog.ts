import type { Item, ItemIssue } from '../item.ts';
import { checkTagCount } from './check-tag-count.ts';
import { countCodePoints } from './count-code-points.ts';
import { makeIssue } from './make-issue.ts';

/** PRODUCT.md §4 rules for `blog` items. Reading time is computed by generation, not checked. */
export function checkBlog(item: Item, words: number): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (item.category === null || item.category.trim() === '') {
    issues.push(
      makeIssue(item, 'error', 'category_missing', 'category', 'A blog post needs a category.'),
    );
  }
  issues.push(...checkTagCount(item, 15, 'A blog post'));
  const keywords = item.fields.keywords ?? [];
  if (keywords.length > 5) {
    issues.push(
      makeIssue(
        item,
        'error',
        'too_many_keywords',
        'fields.keywords',
        `A blog post can target at most 5 keywords; this one has ${keywords.length}.`,
      ),
    );
  }
  issues.push(...checkSeoDescription(item));
  if (words < 300) {
    issues.push(
      makeIssue(
        item,
        'warning',
        'too_short',
        'body',
        `The post is ${words} words long; blog posts usually need at least 300 words.`,
      ),
    );
  }
  return issues;
}

function checkSeoDescription(item: Item): ItemIssue[] {
  const description = item.fields.seoDescription;
  if (description === undefined) {
    return [
      makeIssue(
        item,
        'info',
        'seo_description_generated',
        'fields.seoDescription',
        'No SEO description was given; one will be generated from the post.',
      ),
    ];
  }
  const length = countCodePoints(description);
  if (length >= 50 && length <= 160) return [];
  return [
    makeIssue(
      item,
      'warning',
      'seo_description_length',
      'fields.seoDescription',
      `The SEO description is ${length} characters; search engines show 50 to 160 characters best.`,
    ),
  ];
}
