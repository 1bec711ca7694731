import { describe, expect, it } from 'vitest';
import { webhookBackoffMs } from './webhook-deps.ts';

describe('webhookBackoffMs', () => {
  const policy = { baseMs: 10_000, maxMs: 2 * 3_600_000, windowMs: 86_400_000, disableAfterMs: 0 };

  it('doubles from the base to the cap, jittered over the upper half', () => {
    const low = (attempt: number) => webhookBackoffMs(policy, attempt, () => 0);
    const high = (attempt: number) => webhookBackoffMs(policy, attempt, () => 1);
    expect([1, 2, 3, 4].map(high)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect([1, 2, 3, 4].map(low)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(high(30)).toBe(2 * 3_600_000);
    expect(low(30)).toBe(3_600_000);
  });

  it('spreads retries over about a day with the default policy', () => {
    let elapsed = 0;
    let attempts = 0;
    while (elapsed + webhookBackoffMs(policy, attempts + 1, () => 0.5) <= policy.windowMs) {
      elapsed += webhookBackoffMs(policy, attempts + 1, () => 0.5);
      attempts += 1;
    }
    expect(attempts).toBeGreaterThan(10);
    expect(elapsed).toBeGreaterThan(20 * 3_600_000);
  });
});
