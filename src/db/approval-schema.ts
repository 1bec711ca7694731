import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LevelDecision, StageOrigin } from '../approvals/compute-level.ts';
import type { ApprovalPolicy } from '../approvals/policy.ts';
import type { ApproverIdentity, ApproverList } from '../approvals/stage-eligibility.ts';
import { campaigns, createdAt, drafts, updatedAt, workspaces } from './schema.ts';

/**
 * The approval engine's tables (PRODUCT.md §6), the comments on drafts and the audit log. Same rule
 * as everywhere: every row carries `workspace_id`.
 */

/** A workspace's own policy; a workspace without a row uses the default (approvals/default-policy.ts). */
export const approvalPolicies = pgTable('approval_policies', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  policy: jsonb('policy').$type<ApprovalPolicy>().notNull(),
  /** Counts edits; shown so two admins editing at once can tell. */
  version: integer('version').notNull(),
  updatedBy: text('updated_by').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const approvalRequestStatuses = [
  'pending',
  'approved',
  'rejected',
  'changes_requested',
  'reset',
  'expired',
  'cancelled',
] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];

/**
 * One round of approval of a campaign: the level computed at submission (with why), its stages and
 * their decisions. An edit, an expiry or a cancellation closes the round; a new submission opens
 * the next. At most one round per campaign is live (pending or approved).
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    decision: jsonb('decision').$type<LevelDecision>().notNull(),
    status: text('status').$type<ApprovalRequestStatus>().notNull(),
    /** Why the round ended: the rejection comment, the edit that reset it, the expiry. */
    statusReason: text('status_reason'),
    submittedBy: text('submitted_by').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    index('approval_requests_campaign').on(table.workspaceId, table.campaignId, table.createdAt),
    uniqueIndex('approval_requests_live')
      .on(table.campaignId)
      .where(sql`${table.status} in ('pending', 'approved')`),
  ],
);

export const stageStatuses = [
  'waiting',
  'active',
  'approved',
  'rejected',
  'changes_requested',
  'closed',
] as const;
export type StageStatus = (typeof stageStatuses)[number];

/** One stage of a round, its approvers copied from the policy when the round opened. */
export const approvalStages = pgTable(
  'approval_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** 1-based order within the round. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    origin: text('origin').$type<StageOrigin>().notNull(),
    mode: text('mode').$type<'all' | 'any'>().notNull(),
    approvers: jsonb('approvers').$type<ApproverList>().notNull(),
    /** Added by escalation (the next level's approvers); they may fill any slot. */
    escalated: jsonb('escalated').$type<ApproverList>().notNull(),
    /** Every role and member id that may act on this stage, for the reviewers' queue. */
    eligibleRoles: text('eligible_roles').array().notNull(),
    eligibleMembers: text('eligible_members').array().notNull(),
    slaMinutes: integer('sla_minutes').notNull(),
    status: text('status').$type<StageStatus>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true, precision: 3 }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, precision: 3 }),
    /** Last time it was found overdue (and escalated). */
    overdueAt: timestamp('overdue_at', { withTimezone: true, precision: 3 }),
    escalations: integer('escalations').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('approval_stages_position').on(table.requestId, table.position),
    index('approval_stages_workspace_active')
      .on(table.workspaceId, table.startedAt, table.id)
      .where(sql`${table.status} = 'active'`),
    // The SLA clock scans active stages across workspaces by deadline.
    index('approval_stages_deadline').on(table.deadlineAt).where(sql`${table.status} = 'active'`),
  ],
);

export const decisionKinds = ['approve', 'reject', 'request_changes'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** A person's (or a review link's) decision on a stage; one per actor per round. */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => approvalStages.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    actor: text('actor').notNull(),
    decision: text('decision').$type<DecisionKind>().notNull(),
    comment: text('comment'),
    /** Why this actor could decide: `named`, `escalation`, `admin`; review links add `review_link`. */
    via: text('via').notNull(),
    /** The slots of the stage this approval may fill (mode `all`). */
    slots: integer('slots').array().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('approval_decisions_actor').on(table.requestId, table.actor),
    index('approval_decisions_stage').on(table.workspaceId, table.stageId),
  ],
);

/**
 * A signed, expiring link for a named outsider to review one campaign without an account. Only a
 * hash of the token is stored. The person who created it delegated their eligibility: the link may
 * fill the slots they could fill.
 */
export const reviewLinks = pgTable(
  'review_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    reviewerName: text('reviewer_name').notNull(),
    reviewerEmail: text('reviewer_email'),
    tokenHash: text('token_hash').notNull().unique(),
    delegate: jsonb('delegate').$type<ApproverIdentity>().notNull(),
    createdBy: text('created_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    /** Set by its one decision. */
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
    decision: text('decision').$type<DecisionKind>(),
    createdAt: createdAt(),
  },
  (table) => [
    index('review_links_campaign').on(table.workspaceId, table.campaignId, table.createdAt),
  ],
);

/** Comments on a campaign's drafts, threaded; never part of what is published. */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    draftId: uuid('draft_id').references(() => drafts.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    body: text('body').notNull(),
    /** Member ids mentioned (each is told through a `comment.mentioned` event). */
    mentions: text('mentions').array().notNull(),
    author: text('author').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('comments_campaign').on(table.workspaceId, table.campaignId, table.createdAt, table.id),
  ],
);

/**
 * Append-only record of every decision, edit, schedule and publish: who (`member:<id>`,
 * `api_key:<id>`, `review_link:<id>`, `system:<name>`), when, and the state before and after. A
 * trigger refuses UPDATE, and DELETE unless the workspace itself is gone (migration 0006).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    actor: text('actor').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [
    index('audit_log_workspace').on(table.workspaceId, table.createdAt, table.id),
    index('audit_log_resource').on(
      table.workspaceId,
      table.resourceType,
      table.resourceId,
      table.createdAt,
    ),
    index('audit_log_actor').on(table.workspaceId, table.actor, table.createdAt),
  ],
);
