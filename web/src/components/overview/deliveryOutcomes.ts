/** The final states `GET /v1/deliveries/stats` counts per day, in the chart's order. */
export const outcomes = ['sent', 'failed', 'cancelled', 'unknown'] as const;
export type Outcome = (typeof outcomes)[number];
export type OutcomeCounts = Record<Outcome, number>;

export const CHART_DAYS = 14;

export const noOutcomes = (): OutcomeCounts => ({ sent: 0, failed: 0, cancelled: 0, unknown: 0 });
export const sumOf = (counts: OutcomeCounts): number =>
  outcomes.reduce((total, outcome) => total + counts[outcome], 0);
