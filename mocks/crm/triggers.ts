/** Behaviours a batch's subject can ask for, most drastic first. */
export const triggers = ['invalid', 'error', 'ratelimit', 'timeout', 'slow'] as const;

export type Trigger = (typeof triggers)[number];

/** The first trigger word the subject contains (case-insensitive substring), if any. */
export function subjectTrigger(subject: string): Trigger | null {
  const lower = subject.toLowerCase();
  return triggers.find((trigger) => lower.includes(trigger)) ?? null;
}
