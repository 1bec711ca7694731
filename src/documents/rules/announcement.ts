import type { Item, ItemIssue } from '../item.ts';
import { detectUrgency } from './detect-urgency.ts';
import { makeIssue } from './make-issue.ts';

const PRIORITY_FOR: Partial<Record<string, number>> = { critical: 1, high: 2 };

/** PRODUCT.md §4 rules for `announcement` items. */
export function checkAnnouncement(item: Item): ItemIssue[] {
  const issues: ItemIssue[] = [];
  let urgency = item.fields.urgency;
  if (urgency === undefined) {
    urgency = detectUrgency(`${item.title}\n${item.body}`);
    issues.push(
      makeIssue(
        item,
        'info',
        'urgency_detected',
        'fields.urgency',
        `No urgency was given; from its wording this announcement is treated as "${urgency}".`,
      ),
    );
  }
  // The detected urgency counts too: an editor who wrote "urgent" expects it handled as urgent.
  if ((urgency === 'high' || urgency === 'critical') && !item.featured) {
    issues.push(
      makeIssue(
        item,
        'warning',
        'urgent_not_featured',
        'featured',
        `A ${urgency}-urgency announcement should be featured.`,
      ),
    );
  }
  const expected = PRIORITY_FOR[urgency];
  if (expected !== undefined && item.priority !== expected) {
    issues.push(
      makeIssue(
        item,
        'warning',
        'urgency_priority',
        'priority',
        `A ${urgency}-urgency announcement should have priority ${expected}, not ${item.priority}.`,
      ),
    );
  }
  issues.push(...checkExpiry(item));
  return issues;
}

function checkExpiry(item: Item): ItemIssue[] {
  const expiresAt = item.fields.expiresAt;
  // Without the item's own date there is nothing to compare with.
  if (expiresAt === undefined || item.date === null) return [];
  const expires = Date.parse(expiresAt);
  const dated = Date.parse(item.date);
  if (Number.isNaN(expires) || Number.isNaN(dated) || expires > dated) return [];
  return [
    makeIssue(
      item,
      'error',
      'expires_before_date',
      'fields.expiresAt',
      `The announcement expires (${expiresAt}) on or before its own date (${item.date}); set an expiry after it.`,
    ),
  ];
}
