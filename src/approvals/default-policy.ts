import type { ApprovalPolicy } from './policy.ts';

const HOUR = 60;

/**
 * PRODUCT.md §6 as a policy: L1 automatic; L2 editor + marketing in parallel (24 h); L3 marketing
 * manager then executive (72 h each); L4 any executive (2 h); health claims add `legal` (24 h).
 * Rules are tried in order, strictest first, so an urgent announcement is L4, not L3.
 */
export const defaultPolicy: ApprovalPolicy = {
  levels: [
    { id: 'L1', name: 'Automatic', stages: [] },
    {
      id: 'L2',
      name: 'Editor and marketing',
      stages: [
        {
          name: 'editor and marketing',
          mode: 'all',
          approvers: { roles: ['editor', 'marketing'], members: [] },
          slaMinutes: 24 * HOUR,
        },
      ],
    },
    {
      id: 'L3',
      name: 'Marketing manager, then executive',
      stages: [
        {
          name: 'marketing manager',
          mode: 'any',
          approvers: { roles: ['marketing_manager'], members: [] },
          slaMinutes: 72 * HOUR,
        },
        {
          name: 'executive',
          mode: 'any',
          approvers: { roles: ['executive'], members: [] },
          slaMinutes: 72 * HOUR,
        },
      ],
    },
    {
      id: 'L4',
      name: 'Any executive',
      stages: [
        {
          name: 'executive',
          mode: 'any',
          approvers: { roles: ['executive'], members: [] },
          slaMinutes: 2 * HOUR,
        },
      ],
    },
  ],
  rules: [
    {
      id: 'priority-1',
      description: 'an item has priority 1 (urgent)',
      when: { highestPriorityAtMost: 1 },
      level: 'L4',
    },
    {
      id: 'critical',
      description: 'an item is of critical urgency',
      when: { urgency: ['critical'] },
      level: 'L4',
    },
    {
      id: 'announcement',
      description: 'an item is an announcement',
      when: { contentTypes: ['announcement'] },
      level: 'L3',
    },
    {
      id: 'priority-2',
      description: 'an item has priority 2',
      when: { highestPriorityAtMost: 2 },
      level: 'L2',
    },
    {
      id: 'featured',
      description: 'an item is featured',
      when: { featured: true },
      level: 'L2',
    },
    {
      id: 'blog',
      description: 'an item is a blog post',
      when: { contentTypes: ['blog'] },
      level: 'L2',
    },
    {
      id: 'weekly-update',
      description: 'a weekly update: a digest of two or more items',
      when: { minItems: 2 },
      level: 'L2',
    },
  ],
  defaultLevel: 'L1',
  legalStage: {
    name: 'legal',
    mode: 'any',
    approvers: { roles: ['legal'], members: [] },
    slaMinutes: 24 * HOUR,
  },
};
