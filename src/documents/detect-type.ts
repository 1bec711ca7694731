import type { ItemType } from './item.ts';

const ANNOUNCEMENT = /\b(launch\w*|releas\w*|announc\w*|partnership\w*|urgent|breaking)\b|🎉/i;
const BLOG = /\b(research\w*|how-to|how to|guides?|techniques?)\b/i;

/**
 * PRODUCT.md §4 type detection, used only when no `type` field or flag is given. Title and body
 * are tested one after the other rather than joined: no match can span the line break that would
 * join them, and joining copied every body once more.
 */
export function detectType(title: string, body: string): ItemType {
  if (ANNOUNCEMENT.test(title) || ANNOUNCEMENT.test(body)) return 'announcement';
  if (BLOG.test(title) || BLOG.test(body)) return 'blog';
  return 'update';
}
