import type { urgencies } from '../item.ts';

type Urgency = (typeof urgencies)[number];

const CRITICAL = /\b(critical|emergency)\b/i;
const HIGH = /\b(urgent|breaking)\b/i;
const MEDIUM = /\bimportant\b/i;

/** PRODUCT.md §4: an announcement without an urgency gets one from its words. */
export function detectUrgency(text: string): Urgency {
  if (CRITICAL.test(text)) return 'critical';
  if (HIGH.test(text)) return 'high';
  if (MEDIUM.test(text)) return 'medium';
  return 'low';
}
