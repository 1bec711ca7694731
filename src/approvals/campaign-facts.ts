import type { Item, ItemType, urgencies } from '../documents/item.ts';
import { detectUrgency } from '../documents/rules/detect-urgency.ts';
import { type SensitiveTopic, topicOfIssue } from '../generation/validation/sensitive-topics.ts';

type Urgency = (typeof urgencies)[number];

/** What the policy reads of one item; kept on the campaign, whose items may not be stored elsewhere. */
export interface ItemFact {
  key: string;
  type: ItemType;
  priority: number;
  featured: boolean;
  /** Announcements always have one (given, or detected from their words); others only if given. */
  urgency: Urgency | null;
}

/** A sensitive topic found in a draft by the brand-safety rules. */
export interface SensitiveFinding {
  topic: SensitiveTopic;
  target: string;
  field: string;
  message: string;
}

/** Everything a policy rule may look at. */
export interface CampaignFacts {
  items: ItemFact[];
  channels: string[];
  sensitive: SensitiveFinding[];
  /** Error issues of the drafts: they block approval whatever the level. */
  errors: Array<{ target: string; field: string; message: string }>;
}

export function itemFacts(items: readonly Item[]): ItemFact[] {
  return items.map((item) => ({
    key: item.key,
    type: item.type,
    priority: item.priority,
    featured: item.featured,
    urgency:
      item.fields.urgency ??
      (item.type === 'announcement' ? detectUrgency(`${item.title}\n${item.body}`) : null),
  }));
}

interface DraftIssues {
  target: string;
  issues: ReadonlyArray<{ severity: string; code: string; field: string; message: string }>;
}

/** The sensitive topics and errors the drafts' issues report. */
export function draftFindings(
  drafts: readonly DraftIssues[],
): Pick<CampaignFacts, 'sensitive' | 'errors'> {
  const sensitive: SensitiveFinding[] = [];
  const errors: CampaignFacts['errors'] = [];
  for (const draft of drafts)
    for (const issue of draft.issues) {
      const topic = topicOfIssue(issue.code);
      if (topic)
        sensitive.push({ topic, target: draft.target, field: issue.field, message: issue.message });
      if (issue.severity === 'error')
        errors.push({ target: draft.target, field: issue.field, message: issue.message });
    }
  return { sensitive, errors };
}
