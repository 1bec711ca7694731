/**
 * Sensitive topics the brand-safety rules detect in drafts (data, not code): each topic is a list
 * of phrases matched as whole words, case-insensitively, and reported on the draft as a warning
 * issue with the topic's code. A topic found in any draft of a campaign adds the mandatory stage
 * its policy names (health claims: the `legal` stage, PRODUCT.md §6).
 */
export const sensitiveTopics = {
  health_claim: {
    label: 'health or medical claim',
    issueCode: 'health_claim',
    phrases: [
      'reduces anxiety',
      'reduce anxiety',
      'relieves anxiety',
      'relieve anxiety',
      'eases anxiety',
      'treats',
      'treat anxiety',
      'treat insomnia',
      'treatment for',
      'cures',
      'cure',
      'heals',
      'clinically proven',
      'medically proven',
      'scientifically proven',
      'reduces stress',
      'relieves stress',
      'relieves pain',
      'reduces pain',
      'lowers blood pressure',
      'lower blood pressure',
      'boosts immunity',
      'prevents disease',
      'therapeutic',
    ],
  },
} as const;

export type SensitiveTopic = keyof typeof sensitiveTopics;
export const sensitiveTopicIds = Object.keys(sensitiveTopics) as [
  SensitiveTopic,
  ...SensitiveTopic[],
];

/** The topic a draft issue reports, if it is one of these. */
export function topicOfIssue(code: string): SensitiveTopic | undefined {
  return sensitiveTopicIds.find((topic) => sensitiveTopics[topic].issueCode === code);
}
