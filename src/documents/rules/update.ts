import type { Item, ItemIssue } from '../item.ts';
import { checkTagCount } from './check-tag-count.ts';
import { makeIssue } from './make-issue.ts';

/** PRODUCT.md §4 rules for `update` items. */
export function checkUpdate(item: Item, words: number): ItemIssue[] {
  const issues: ItemIssue[] = [];
  issues.push(...checkTagCount(item, 10, 'An update'));
  if (words > 500) {
    issues.push(
      makeIssue(
        item,
        'warning',
        'too_long',
        'body',
        `The update is ${words} words long; updates read best under 500 words. Consider a blog post.`,
      ),
    );
  }
  return issues;
}
