import { z } from 'zod';
import {
  CAMPAIGN,
  decision,
  define,
  type EventDefinition,
  id,
  iso,
  MEMBER,
  REQUEST,
  reopened,
  reopenedExample,
  stage,
  stageExample,
} from './event-definition.ts';

/** Events of approval policies, approvals, comments and review links (see catalog.ts). */
export const approvalEvents = {
  'approval_policy.updated': define({
    summary: "The workspace's approval policy changed.",
    subject: 'approval_policy',
    data: z.looseObject({ version: z.number().int() }),
    example: { version: 4 },
  }),
  'approval.requested': define({
    summary: 'An approval stage became active: its approvers are asked.',
    subject: 'campaign',
    data: z.looseObject({
      requestId: id,
      level: z.string(),
      campaignName: z.string(),
      stage,
    }),
    example: {
      requestId: REQUEST,
      level: 'standard',
      campaignName: 'May newsletter',
      stage: stageExample,
    },
  }),
  'approval.granted': define({
    summary: 'An approver approved; `stageComplete` says whether the stage is done.',
    subject: 'campaign',
    data: decision.extend({ stageComplete: z.boolean() }),
    example: {
      requestId: REQUEST,
      stage: { id: stageExample.stageId, position: 1, name: 'Editorial' },
      via: 'api',
      comment: null,
      stageComplete: true,
    },
  }),
  'approval.rejected': define({
    summary: 'An approver rejected the campaign.',
    subject: 'campaign',
    data: decision,
    example: { requestId: REQUEST, stage: stageExample, via: 'dashboard', comment: 'Off brand' },
  }),
  'approval.changes_requested': define({
    summary: 'An approver asked for changes.',
    subject: 'campaign',
    data: decision,
    example: {
      requestId: REQUEST,
      stage: stageExample,
      via: 'review_link',
      comment: 'Fix the date',
    },
  }),
  'approval.reminder': define({
    summary: "A stage's approvers were reminded before its deadline.",
    subject: 'campaign',
    data: z.looseObject({ requestId: id, stage }),
    example: { requestId: REQUEST, stage: stageExample },
  }),
  'approval.overdue': define({
    summary: 'A stage passed its SLA; it escalates to the next level when there is one.',
    subject: 'campaign',
    data: z.looseObject({
      requestId: id,
      level: z.string(),
      stage: z.looseObject({ id, position: z.number().int(), name: z.string().nullable() }),
      deadlineAt: iso.nullable(),
      escalatedTo: z.unknown().nullable(),
      nextDeadlineAt: iso.nullable(),
    }),
    example: {
      requestId: REQUEST,
      level: 'standard',
      stage: { id: stageExample.stageId, position: 1, name: 'Editorial' },
      deadlineAt: '2026-05-04T10:00:00.000Z',
      escalatedTo: { level: 'sensitive', roles: ['admin'], members: [] },
      nextDeadlineAt: '2026-05-04T14:00:00.000Z',
    },
  }),
  'approval.reset': define({
    summary: 'A draft was edited after approvals: the round closed and a new one opened.',
    subject: 'campaign',
    data: reopened,
    example: reopenedExample,
  }),
  'approval.expired': define({
    summary: 'An approval lapsed before publishing: the campaign is evaluated again.',
    subject: 'campaign',
    data: reopened,
    example: { ...reopenedExample, reason: 'approval expired' },
  }),
  'comment.added': define({
    summary: 'A comment was added on a campaign (optionally on a draft, or as a reply).',
    subject: 'campaign',
    data: z.looseObject({
      commentId: id,
      draftId: id.nullable(),
      parentId: id.nullable(),
      mentions: z.array(z.string()),
    }),
    example: {
      commentId: 'aa11bb22-8888-4c9d-8e0f-1a2b3c4d5e6f',
      draftId: null,
      parentId: null,
      mentions: [MEMBER],
    },
  }),
  'comment.mentioned': define({
    summary: 'A member was mentioned in a comment.',
    subject: 'member',
    data: z.looseObject({
      commentId: id,
      campaignId: id,
      draftId: id.nullable(),
      excerpt: z.string(),
    }),
    example: {
      commentId: 'aa11bb22-8888-4c9d-8e0f-1a2b3c4d5e6f',
      campaignId: CAMPAIGN,
      draftId: null,
      excerpt: '@ana can you check the date?',
    },
  }),
  'review_link.created': define({
    summary: 'A review link was created for an outside reviewer.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id, reviewerName: z.string().nullable(), expiresAt: iso }),
    example: { campaignId: CAMPAIGN, reviewerName: 'Legal', expiresAt: '2026-05-10T00:00:00.000Z' },
  }),
  'review_link.opened': define({
    summary: 'A review link was opened.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id }),
    example: { campaignId: CAMPAIGN },
  }),
  'review_link.used': define({
    summary: 'A decision was made through a review link.',
    subject: 'review_link',
    data: z.looseObject({
      campaignId: id,
      decision: z.string(),
      reviewerName: z.string().nullable(),
    }),
    example: { campaignId: CAMPAIGN, decision: 'approve', reviewerName: 'Legal' },
  }),
  'review_link.revoked': define({
    summary: 'A review link was revoked.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id }),
    example: { campaignId: CAMPAIGN },
  }),
} satisfies Record<string, EventDefinition>;
