import { describe, expect, it } from 'vitest';
import { campaignStateFrom } from './rollup-campaign.ts';

describe('campaignStateFrom', () => {
  it('waits while nothing started and publishes while anything is unsettled', () => {
    expect(campaignStateFrom({})).toBeNull();
    expect(campaignStateFrom({ scheduled: 3 })).toBe('scheduled');
    expect(campaignStateFrom({ scheduled: 2, sending: 1 })).toBe('publishing');
    expect(campaignStateFrom({ sent: 2, unknown: 1 })).toBe('publishing');
    expect(campaignStateFrom({ sent: 2, scheduled: 1 })).toBe('publishing');
  });

  it('never reports success when a delivery failed or was cancelled', () => {
    expect(campaignStateFrom({ sent: 4 })).toBe('published');
    expect(campaignStateFrom({ sent: 3, failed: 1 })).toBe('partially_failed');
    expect(campaignStateFrom({ sent: 3, cancelled: 1 })).toBe('partially_failed');
    expect(campaignStateFrom({ failed: 2 })).toBe('failed');
    expect(campaignStateFrom({ failed: 1, cancelled: 1 })).toBe('failed');
    expect(campaignStateFrom({ cancelled: 2 })).toBe('cancelled');
  });
});
