import type { Item, ItemIssue } from '../item.ts';
import { countWords } from './count-words.ts';
import { makeIssue } from './make-issue.ts';

/** PRODUCT.md §4 rules for `update` items. */
export function checkUpdate(item: Item): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (item.tags.length > 10) {
    issues.push(
      makeIssue(
        item,
        'error',
        'too_many_tags',
        'tags',
        `An update can have at most 10 tags; this one has ${item.tags.length}.`,
      ),
    );
  }
  const words = countWords(item.body);
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
