import type { ItemType } from './item.ts';

const ANNOUNCEMENT = /\b(launch\w*|releas\w*|announc\w*|partnership\w*|urgent|breaking)\b|🎉/i;
const BLOG = /\b(research\w*|how-to|how to|guides?|techniques?)\b/i;

/** PRODUCT.md §4 type detection, used only when no `type` field or flag is given. */
export function detectType(text: string): ItemType {
  if (ANNOUNCEMENT.test(text)) return 'announcement';
  if (BLOG.test(text)) return 'blog';
  return 'update';
}
