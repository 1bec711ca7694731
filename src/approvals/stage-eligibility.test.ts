import { describe, expect, it } from 'vitest';
import {
  type ApproverIdentity,
  eligibility,
  filledSlots,
  type StageApprovers,
} from './stage-eligibility.ts';

const none = { roles: [], members: [] };
const who = (roles: string[], extra: Partial<ApproverIdentity> = {}): ApproverIdentity => ({
  memberId: 'm-1',
  roles,
  admin: false,
  ...extra,
});

describe('stage eligibility', () => {
  const parallel: StageApprovers = {
    mode: 'all',
    approvers: { roles: ['editor', 'marketing'], members: ['m-9'] },
    escalated: none,
  };

  it('gives a named approver the slots of their roles and member id only', () => {
    expect(eligibility(parallel, who(['editor']))).toEqual({ slots: [0], via: 'named' });
    expect(eligibility(parallel, who(['editor', 'marketing']))).toEqual({
      slots: [0, 1],
      via: 'named',
    });
    expect(eligibility(parallel, who([], { memberId: 'm-9' }))).toEqual({
      slots: [2],
      via: 'named',
    });
    expect(eligibility(parallel, who(['viewer']))).toBeNull();
  });

  it('lets escalation approvers and admins fill any slot', () => {
    const escalated = { ...parallel, escalated: { roles: ['executive'], members: [] } };
    expect(eligibility(escalated, who(['executive']))).toEqual({
      slots: [0, 1, 2],
      via: 'escalation',
    });
    expect(eligibility(parallel, who(['owner'], { admin: true }))).toEqual({
      slots: [0, 1, 2],
      via: 'admin',
    });
  });

  it('has one slot in mode any', () => {
    const any: StageApprovers = {
      mode: 'any',
      approvers: { roles: ['executive'], members: [] },
      escalated: none,
    };
    expect(eligibility(any, who(['executive']))).toEqual({ slots: [0], via: 'named' });
    expect(eligibility(any, who(['editor']))).toBeNull();
  });

  it('fills each slot with a different approver, finding the best assignment', () => {
    // Two people who could both be editor, one of them also marketing: both slots fill.
    expect(filledSlots(2, [[0, 1], [0]])).toBe(2);
    expect(filledSlots(2, [[0], [0, 1]])).toBe(2);
    // Two editors cannot fill the marketing slot.
    expect(filledSlots(2, [[0], [0]])).toBe(1);
    expect(filledSlots(1, [])).toBe(0);
  });
});
