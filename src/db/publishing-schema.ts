import { sql } from 'drizzle-orm';
import {
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
import type { Recipient } from '../channels/outgoing-message.ts';
import { campaigns, createdAt, drafts, updatedAt, workspaces } from './schema.ts';

/**
 * Publishing's tables (connections, deliveries, the outbox, rate windows); the rest of the domain
 * is in schema.ts. Same rule: every row carries `workspace_id`.
 */
export const connectionStatuses = ['active', 'needs_reconnect'] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** A configured destination for one channel; credentials sealed with AES-256-GCM. */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The adapter (src/channels/registry.ts): `sandbox`, `crm`, `platform`. */
    provider: text('provider').notNull(),
    channel: text('channel').notNull(),
    /** Non-secret settings, validated by the adapter's config schema. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    /** `encryptSecret(JSON)` of the adapter's credentials; never returned by the API. */
    credentials: text('credentials'),
    /** Most deliveries per window (`rate_per_seconds`); null = no limit of ours. */
    rateLimit: integer('rate_limit'),
    ratePerSeconds: integer('rate_per_seconds'),
    status: text('status').$type<ConnectionStatus>().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('connections_workspace_created').on(table.workspaceId, table.createdAt, table.id),
    uniqueIndex('connections_one_sandbox_per_channel')
      .on(table.workspaceId, table.channel)
      .where(sql`${table.provider} = 'sandbox'`),
  ],
);

export const deliveryStates = [
  'pending',
  'scheduled',
  'sending',
  'sent',
  'failed',
  'unknown',
  'cancelled',
] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface DeliveryAttempt {
  at: string;
  outcome: 'sent' | 'failed' | 'retry' | 'unknown' | 'found' | 'not_found';
  error?: { kind: string; message: string; vendorCode?: string | undefined } | undefined;
}

/** One publication of one draft to one connection (for a CRM, one per recipient batch). */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'restrict' }),
    channel: text('channel').notNull(),
    /** 0 for unbatched deliveries; batch n of a CRM send. */
    batch: integer('batch').notNull().default(0),
    /** The audience page this batch reads (null = the first page). */
    cursor: text('cursor'),
    /** The recipients of this batch, stored once read so a retry sends the same people. */
    recipients: jsonb('recipients').$type<Recipient[]>(),
    state: text('state').$type<DeliveryState>().notNull(),
    /** When the next step may run: the scheduled time, then each retry's time. */
    dueAt: timestamp('due_at', { withTimezone: true, precision: 3 }).notNull(),
    sendBy: timestamp('send_by', { withTimezone: true, precision: 3 }),
    /** Sent to the destination with every attempt: the same key, so it can drop a repeat. */
    idempotencyKey: text('idempotency_key').notNull(),
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    attempts: jsonb('attempts').$type<DeliveryAttempt[]>().notNull().default([]),
    lastError: jsonb('last_error').$type<{ kind: string; message: string }>(),
    /** Why it was cancelled (`cancelled`, `missed_window`). */
    reason: text('reason'),
    /** Set when `sending` starts: a row left `sending` long after is a crashed call. */
    sendingAt: timestamp('sending_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('deliveries_idempotency_key').on(table.idempotencyKey),
    uniqueIndex('deliveries_draft_connection_batch').on(
      table.draftId,
      table.connectionId,
      table.batch,
    ),
    index('deliveries_workspace_created').on(table.workspaceId, table.createdAt, table.id),
    // `GET /v1/deliveries?status=failed&order=desc`: one state's rows in creation order.
    index('deliveries_workspace_state').on(
      table.workspaceId,
      table.state,
      table.createdAt,
      table.id,
    ),
    // The calendar: `?dueFrom&dueTo`.
    index('deliveries_workspace_due').on(table.workspaceId, table.dueAt),
    // `GET /v1/deliveries/stats`: settled deliveries by when they settled (their last update).
    index('deliveries_workspace_settled')
      .on(table.workspaceId, table.updatedAt)
      .where(sql`${table.state} in ('sent', 'failed', 'cancelled', 'unknown')`),
    index('deliveries_campaign').on(table.workspaceId, table.campaignId),
    index('deliveries_due')
      .on(table.dueAt)
      .where(sql`${table.state} in ('scheduled', 'sending', 'unknown')`),
  ],
);

/** What sandbox connections "sent": the exact payload, rendered, nothing left the machine. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    deliveryId: uuid('delivery_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    channel: text('channel').notNull(),
    /** The message as the adapter would send it (subject/html/text, post texts, …). */
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    // The sandbox's idempotency: a repeat of a delivery never adds a second message.
    uniqueIndex('outbox_messages_delivery').on(table.deliveryId),
    index('outbox_messages_workspace_created').on(table.workspaceId, table.createdAt, table.id),
  ],
);

/** Deliveries started per connection per fixed window: the per-connection rate limit's counter. */
export const connectionWindows = pgTable(
  'connection_windows',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => connections.id, { onDelete: 'cascade' }),
    windowStart: timestamp('window_start', { withTimezone: true, precision: 3 }).notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.windowStart] })],
);
