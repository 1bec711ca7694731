import type { Item, ItemIssue } from '../item.ts';
import { countCodePoints } from './count-code-points.ts';
import { makeIssue } from './make-issue.ts';

/** The PRODUCT.md §4 rules every content type shares. */
export function checkCommon(item: Item, now: Date, words: number): ItemIssue[] {
  const issues: ItemIssue[] = [];
  // Code points, not UTF-16 units: an emoji in a title is one character to an editor.
  const titleLength = countCodePoints(item.title.trim());
  if (titleLength < 1 || titleLength > 200) {
    issues.push(
      makeIssue(
        item,
        'error',
        'title_length',
        'title',
        `The title is ${titleLength} characters long; it must be 1 to 200 characters.`,
      ),
    );
  }
  if (words < 3) {
    issues.push(
      makeIssue(
        item,
        'error',
        'body_too_short',
        'body',
        `The body has ${words} word${words === 1 ? '' : 's'}; write at least 3 words.`,
      ),
    );
  }
  if (item.scheduledFor !== null) issues.push(...checkSchedule(item, item.scheduledFor, now));
  if (item.featured && !item.published) {
    issues.push(
      makeIssue(
        item,
        'error',
        'featured_draft',
        'featured',
        'A draft cannot be featured; publish it or remove the featured flag.',
      ),
    );
  }
  return issues;
}

function checkSchedule(item: Item, scheduledFor: string, now: Date): ItemIssue[] {
  const at = Date.parse(scheduledFor);
  if (Number.isNaN(at)) return [];
  if (at <= now.getTime()) {
    return [
      makeIssue(
        item,
        'error',
        'scheduled_in_past',
        'scheduledFor',
        `The scheduled time ${scheduledFor} has already passed; choose a time in the future.`,
      ),
    ];
  }
  // A calendar year, not 365 days, so the limit falls on the same date next year.
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (at > limit.getTime()) {
    return [
      makeIssue(
        item,
        'error',
        'scheduled_too_far',
        'scheduledFor',
        `The scheduled time ${scheduledFor} is more than a year ahead; schedule it within a year.`,
      ),
    ];
  }
  return [];
}
