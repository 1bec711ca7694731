import { describe, expect, it } from 'vitest';
import { backoffMs } from './publishing-deps.ts';

const policy = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 6 };

describe('backoffMs', () => {
  it('doubles per attempt, jittered within the upper half, and stays under the cap', () => {
    expect(backoffMs(policy, 1, () => 0)).toBe(500);
    expect(backoffMs(policy, 1, () => 1)).toBe(1_000);
    expect(backoffMs(policy, 2, () => 0)).toBe(1_000);
    expect(backoffMs(policy, 3, () => 1)).toBe(4_000);
    expect(backoffMs(policy, 10, () => 1)).toBe(10_000);
    expect(backoffMs(policy, 10, () => 0)).toBe(5_000);
  });
});
