import { channels } from '../channels.ts';
import type { DraftIssue } from '../draft.ts';
import type { BrandContext } from '../generation-input.ts';
import { charLength, cutAtWord } from '../text/cut-at-word.ts';
import { applyTone } from '../tones/apply-tone.ts';
import type { Tone } from '../tones/tone.ts';

const limits = channels.email.limits;

/** Words and marks that push mail toward spam folders; a warning, never a block. */
const SPAM_TRIGGERS = [
  'free',
  'act now',
  'winner',
  'cash',
  'urgent',
  '100%',
  '$$$',
  'click here',
  'limited time',
  'risk-free',
  '!!!',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words for word triggers (so "freedom" is fine), plain substrings for symbol triggers. */
const spamPatterns = SPAM_TRIGGERS.map((trigger) => ({
  trigger,
  pattern: new RegExp(
    /^[\w -]+$/.test(trigger)
      ? `(?<![\\p{L}\\p{N}])${escapeRegExp(trigger)}(?![\\p{L}\\p{N}])`
      : escapeRegExp(trigger),
    'iu',
  ),
}));

/**
 * The subject from the lead item's title, toned: a title under the minimum gets the brand name in
 * front, one over the maximum is cut at a word.
 */
export function emailSubject(leadTitle: string, brand: BrandContext, tone: Tone): string {
  const title = applyTone(leadTitle.trim(), tone, 'email');
  const full = charLength(title) < limits.subjectMin ? `${brand.name}: ${title}` : title;
  return cutAtWord(full, limits.subjectMax);
}

/** The preheader from the titles that follow the lead, toned and cut at a word. */
export function emailPreheader(titles: readonly string[], tone: Tone): string {
  return cutAtWord(applyTone(titles.join(' · '), tone, 'email'), limits.preheaderMax);
}

/**
 * Subject checks (PRODUCT.md §5.1), usable on an edited subject too: length limits and
 * spam-trigger words.
 */
export function subjectIssues(subject: string): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const length = charLength(subject);
  if (length < limits.subjectMin)
    issues.push({
      severity: 'error',
      code: 'subject_too_short',
      field: 'subject',
      message: `The subject has ${length} characters; it needs at least ${limits.subjectMin}.`,
    });
  if (length > limits.subjectWarnAbove)
    issues.push({
      severity: length > limits.subjectMax ? 'error' : 'warning',
      code: 'subject_too_long',
      field: 'subject',
      message:
        length > limits.subjectMax
          ? `The subject has ${length} characters; the limit is ${limits.subjectMax}.`
          : `The subject has ${length} characters; most inboxes cut subjects after ${limits.subjectWarnAbove}.`,
    });
  for (const { trigger, pattern } of spamPatterns)
    if (pattern.test(subject))
      issues.push({
        severity: 'warning',
        code: 'spam_trigger_in_subject',
        field: 'subject',
        message: `"${trigger}" in a subject often sends mail to spam; consider other words.`,
      });
  return issues;
}
