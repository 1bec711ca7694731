import type { Item, ItemIssue } from '../item.ts';
import { makeIssue } from './make-issue.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A recap describes a session that happened: not in the future, at most 30 days ago. */
export function checkSessionDate(item: Item, now: Date): ItemIssue[] {
  if (item.date === null) {
    return [makeIssue(item, 'error', 'missing_field', 'date', 'A session recap needs a date.')];
  }
  const at = Date.parse(item.date);
  if (Number.isNaN(at)) return [];
  // A date without a time is the whole UTC day, so today's date is not "in the future".
  const end = item.date.length === 10 ? at + DAY_MS - 1 : at;
  if (at > now.getTime()) {
    return [
      makeIssue(
        item,
        'error',
        'session_in_future',
        'date',
        `The session date ${item.date} is in the future; a recap must describe a past session.`,
      ),
    ];
  }
  if (now.getTime() - end > 30 * DAY_MS) {
    return [
      makeIssue(
        item,
        'error',
        'session_too_old',
        'date',
        `The session date ${item.date} is more than 30 days ago; recaps must be within 30 days.`,
      ),
    ];
  }
  return [];
}
