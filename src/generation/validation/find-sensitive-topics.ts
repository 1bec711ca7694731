import type { DraftContent, DraftIssue } from '../draft.ts';
import { draftTexts } from './draft-texts.ts';
import { findProhibitedPhrases } from './find-prohibited-phrases.ts';
import { sensitiveTopicIds, sensitiveTopics } from './sensitive-topics.ts';

/**
 * Brand safety beyond prohibited phrases: text that needs a specialist's eye (a health or medical
 * claim) is a warning, not an error — it may go out, once the approval policy's extra stage (legal)
 * has approved it. One warning per phrase and draft, on the first field it appears in.
 */
export function findSensitiveTopics(content: DraftContent): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const reported = new Set<string>();
  for (const { field, text } of draftTexts(content))
    for (const topic of sensitiveTopicIds) {
      const { phrases, issueCode, label } = sensitiveTopics[topic];
      for (const match of findProhibitedPhrases(text, phrases)) {
        const key = `${topic}:${match.phrase}`;
        if (reported.has(key)) continue;
        reported.add(key);
        issues.push({
          severity: 'warning',
          code: issueCode,
          field,
          message: `"${match.found}" reads as a ${label}; it needs legal approval before it goes out.`,
        });
      }
    }
  return issues;
}
