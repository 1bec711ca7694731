import type { Item, ItemIssue } from './item.ts';
import { checkAnnouncement } from './rules/announcement.ts';
import { checkBlog } from './rules/blog.ts';
import { checkCommon } from './rules/common.ts';
import { countWords } from './rules/count-words.ts';
import { checkSession } from './rules/session.ts';
import { checkUpdate } from './rules/update.ts';

/**
 * The PRODUCT.md §4 rules an item breaks. Drafts are checked too: an editor wants to know before
 * publishing, not after.
 */
export function checkItem(item: Item, now: Date): ItemIssue[] {
  // Counted once here: three rules read it, and this runs for every item of a document.
  const words = countWords(item.body);
  return checkCommon(item, now, words).concat(checkTypeRules(item, now, words));
}

function checkTypeRules(item: Item, now: Date, words: number): ItemIssue[] {
  switch (item.type) {
    case 'update':
      return checkUpdate(item, words);
    case 'blog':
      return checkBlog(item, words);
    case 'announcement':
      return checkAnnouncement(item);
    case 'session':
      return checkSession(item, now);
  }
}
