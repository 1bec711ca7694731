import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ItemFact } from '../approvals/campaign-facts.ts';
import type { ItemDiff } from '../documents/diff-items.ts';
import type { Item, ItemIssue, ParseWarning, Strategy } from '../documents/item.ts';

/**
 * Every domain table carries `workspace_id`; queries/ functions always filter on it.
 * System tables (workers) belong to no tenant and hold no tenant data.
 */
// Millisecond precision so a JavaScript Date round-trips exactly (keyset cursors compare it).
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const roles = ['owner', 'admin', 'editor', 'reviewer', 'contributor', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const scopes = ['read', 'write', 'publish', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export interface BrandProfile {
  /** Shown in emails, posts and structured data; the workspace's name when unset. */
  name?: string | undefined;
  siteUrl?: string | undefined;
  senderName?: string | undefined;
  senderEmail?: string | undefined;
  defaultTone?: string | undefined;
  defaultHashtags?: string[] | undefined;
  prohibitedPhrases?: string[] | undefined;
  colors?: { primary?: string | undefined; accent?: string | undefined } | undefined;
  logoUrl?: string | undefined;
}

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull().default('UTC'),
  brand: jsonb('brand').$type<BrandProfile>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** Workspace-defined labels (`marketing`, `executive`, `legal`) approval stages may name. */
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash'),
    setupTokenHash: text('setup_token_hash'),
    setupTokenExpiresAt: timestamp('setup_token_expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('members_workspace_email').on(table.workspaceId, sql`lower(${table.email})`),
    uniqueIndex('members_setup_token').on(table.setupTokenHash),
    index('members_email').on(sql`lower(${table.email})`),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: text('scopes').array().$type<Scope[]>().notNull(),
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('api_keys_workspace_created').on(table.workspaceId, table.createdAt, table.id)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_member').on(table.workspaceId, table.memberId)],
);

/** Stored first responses of creating POSTs sent with `Idempotency-Key`. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** null while the first request is still running. */
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseContentType: text('response_content_type'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.principal, table.key] }),
    index('idempotency_keys_created').on(table.createdAt),
  ],
);

/** Fixed-window request counters per API key, shared by every api process. */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.apiKeyId, table.windowStart] })],
);

/** Append-only log of everything that happened; ids order events within the database. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    actor: text('actor'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /**
     * The event's position in its workspace (1, 2, 3, … in commit order): the public event id.
     * Null until the appending transaction commits — a deferred trigger assigns it at commit under
     * the workspace's counter row lock (migration 0007, docs/adr/0010-events-out.md).
     */
    seq: bigint('seq', { mode: 'number' }),
  },
  (table) => [
    index('events_workspace_id').on(table.workspaceId, table.id),
    uniqueIndex('events_workspace_seq').on(table.workspaceId, table.seq),
    // "What happened to this campaign / key / job": history lookups by subject.
    index('events_workspace_subject').on(table.workspaceId, table.subjectType, table.subjectId),
  ],
);

/** One row per running worker process; `/health/ready` reads the freshest heartbeat. */
export const workers = pgTable('workers', {
  id: text('id').primaryKey(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

export const syncStatuses = ['created', 'unchanged', 'failed'] as const;
export type SyncStatus = (typeof syncStatuses)[number];

/** A living document Toombos reads: kept here (`markdown`) or fetched (`url`); see src/sources/. */
export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Kind-specific settings, validated by the kind's schema (a URL, a file name). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** The document itself, for kinds whose text lives in Toombos (markdown). */
    content: text('content'),
    /** Forces a parse strategy; null = detect. */
    strategy: text('strategy').$type<Strategy>(),
    syncIntervalMinutes: integer('sync_interval_minutes'),
    nextSyncAt: timestamp('next_sync_at', { withTimezone: true, precision: 3 }),
    lastSyncAt: timestamp('last_sync_at', { withTimezone: true, precision: 3 }),
    lastSyncStatus: text('last_sync_status').$type<SyncStatus>(),
    lastSyncError: jsonb('last_sync_error').$type<{ code: string; message: string }>(),
    latestSnapshotId: uuid('latest_snapshot_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('sources_workspace_created').on(table.workspaceId, table.createdAt, table.id),
    index('sources_next_sync').on(table.nextSyncAt).where(sql`${table.nextSyncAt} is not null`),
  ],
);

/** One parsed version of a source's document; a sync that changed nothing adds none. */
export const snapshots = pgTable(
  'snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    previousSnapshotId: uuid('previous_snapshot_id'),
    /** sha256 of the strategy and the raw text: equal hash = unchanged document. */
    contentHash: text('content_hash').notNull(),
    rawText: text('raw_text').notNull(),
    strategy: text('strategy').$type<Strategy>().notNull(),
    title: text('title'),
    items: jsonb('items').$type<Item[]>().notNull(),
    warnings: jsonb('warnings').$type<ParseWarning[]>().notNull(),
    issues: jsonb('issues').$type<ItemIssue[]>().notNull(),
    diff: jsonb('diff').$type<ItemDiff>().notNull(),
    itemCount: integer('item_count').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('snapshots_source_created').on(
      table.workspaceId,
      table.sourceId,
      table.createdAt,
      table.id,
    ),
  ],
);

/** Workspace-defined tones (the built-in ones live in code: src/generation/tones/). */
export const tones = pgTable(
  'tones',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    /** The whole tone, validated by toneSchema on the way in and on the way out. */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const campaignStates = [
  'draft',
  'pending_approval',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'partially_failed',
  'failed',
  'cancelled',
] as const;
export type CampaignState = (typeof campaignStates)[number];

/** Work that goes out: items from a snapshot (or posted), drafted for chosen channels. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    snapshotId: uuid('snapshot_id').references(() => snapshots.id, { onDelete: 'set null' }),
    itemKeys: text('item_keys').array().notNull(),
    channels: text('channels').array().notNull(),
    tone: text('tone').notNull(),
    template: text('template').notNull(),
    socialMode: text('social_mode').notNull(),
    state: text('state').$type<CampaignState>().notNull(),
    /** Actor labels (`member:<id>`, `api_key:<id>`): who may not approve their own work. */
    createdBy: text('created_by').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, precision: 3 }),
    /** The level the live approval round needs (approvals/compute-level.ts); null before any. */
    approvalLevel: text('approval_level'),
    /** What the approval policy reads of the items, kept from creation (posted items are not stored). */
    itemFacts: jsonb('item_facts').$type<ItemFact[]>(),
    /**
     * A scheduled campaign's approval lapses at this instant if publishing has not started (its
     * first delivery's due time plus a grace); null when not scheduled.
     */
    approvalExpiresAt: timestamp('approval_expires_at', { withTimezone: true, precision: 3 }),
    /** When publishing starts (UTC); null = not scheduled. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, precision: 3 }),
    /** The IANA zone the schedule was given in (kept to show and recompute it in that zone). */
    scheduleZone: text('schedule_zone'),
    /** Deliveries that cannot start before this instant are cancelled with `missed_window`. */
    sendBy: timestamp('send_by', { withTimezone: true, precision: 3 }),
    /** Staged publishing: minutes after `scheduled_at`, per channel. */
    channelOffsets: jsonb('channel_offsets').$type<Record<string, number>>().notNull().default({}),
    /** Why a campaign was cancelled (`cancelled`, `missed_window`). */
    stateReason: text('state_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('campaigns_workspace_created').on(table.workspaceId, table.createdAt, table.id),
    // `GET /v1/campaigns?state=…`: a few states' rows in creation order.
    index('campaigns_workspace_state').on(
      table.workspaceId,
      table.state,
      table.createdAt,
      table.id,
    ),
    // The calendar: `?scheduledFrom&scheduledTo`.
    index('campaigns_workspace_scheduled')
      .on(table.workspaceId, table.scheduledAt)
      .where(sql`${table.scheduledAt} is not null`),
    index('campaigns_source').on(table.workspaceId, table.sourceId, table.createdAt),
  ],
);

/** One per channel target of a campaign; `version` counts edits (draft_versions keeps each). */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    /** The channel target: the channel, or `<channel>:<item key>` for one post per item. */
    target: text('target').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    issues: jsonb('issues').$type<Record<string, unknown>[]>().notNull(),
    quality: jsonb('quality').$type<Record<string, unknown>>().notNull(),
    editedBy: text('edited_by'),
    /** Drafted from at least one `dry_run` item: publishes to the sandbox outbox only. */
    dryRun: boolean('dry_run').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('drafts_campaign_target').on(table.campaignId, table.target),
    index('drafts_workspace_campaign').on(table.workspaceId, table.campaignId),
  ],
);

/** Every version of every draft, the first (generated) one included; append-only. */
export const draftVersions = pgTable(
  'draft_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    issues: jsonb('issues').$type<Record<string, unknown>[]>().notNull(),
    quality: jsonb('quality').$type<Record<string, unknown>>().notNull(),
    actor: text('actor').notNull(),
    /** Why this version exists: `generated`, or the editor's note. */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.draftId, table.version] })],
);
