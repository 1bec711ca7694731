import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../db/queries/campaigns.ts';
import { approvalExpired, approvalExpiryFor, assertMayPublish } from './approval-gate.ts';

const at = new Date('2026-03-09T09:00:00Z');
const campaign = (values: Partial<Campaign>) =>
  ({ state: 'approved', approvalExpiresAt: null, ...values }) as Campaign;

describe('the approval gate', () => {
  it('lets an approved campaign, or a scheduled one whose approval holds, be published', () => {
    expect(() => assertMayPublish(campaign({}), undefined, at)).not.toThrow();
    const scheduled = campaign({ state: 'scheduled', approvalExpiresAt: approvalExpiryFor(at) });
    expect(() =>
      assertMayPublish(scheduled, undefined, new Date(at.getTime() + 60_000)),
    ).not.toThrow();
  });

  it('expires an approval once the scheduled time plus the grace has passed without publishing', () => {
    const scheduled = campaign({ state: 'scheduled', approvalExpiresAt: approvalExpiryFor(at) });
    const late = new Date(at.getTime() + 11 * 60_000);
    expect(approvalExpired(scheduled, late)).toBe(true);
    expect(approvalExpired({ ...scheduled, state: 'publishing' }, late)).toBe(false);
    expect(() => assertMayPublish(scheduled, undefined, late)).toThrow(/approval expired/);
  });

  it('names the pending stage of a campaign waiting for approval', () => {
    expect(() =>
      assertMayPublish(
        campaign({ state: 'pending_approval' }),
        { position: 2, name: 'executive' },
        at,
      ),
    ).toThrow('stage 2 "executive" is pending');
    expect(() => assertMayPublish(campaign({ state: 'draft' }), undefined, at)).toThrow(/draft/);
  });
});
