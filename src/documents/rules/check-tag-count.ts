import type { Item, ItemIssue } from '../item.ts';
import { makeIssue } from './make-issue.ts';

/** The per-type tag cap of PRODUCT.md §4 (update 10, blog 15); `noun` starts the message. */
export function checkTagCount(item: Item, max: number, noun: string): ItemIssue[] {
  if (item.tags.length <= max) return [];
  return [
    makeIssue(
      item,
      'error',
      'too_many_tags',
      'tags',
      `${noun} can have at most ${max} tags; this one has ${item.tags.length}.`,
    ),
  ];
}
