import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, workspaces } from './schema.ts';

/**
 * Events out (PRODUCT.md §11): the per-workspace event counter and outbound webhooks. Same rule as everywhere: every row
 * carries `workspace_id`.
 */

/**
 * The last event position handed out in each workspace. Only the commit trigger on `events`
 * writes it (migration 0007): its row lock, held until commit, makes positions follow commit
 * order within a workspace.
 */
export const eventSequences = pgTable('event_sequences', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});

export const webhookStatuses = ['active', 'disabled'] as const;
export type WebhookStatus = (typeof webhookStatuses)[number];

/** An outbound webhook endpoint: where a workspace's events are POSTed, signed with its secret. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Catalog types and `<family>.*` entries; empty = every event. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    /** The signing secret (`whsec_…`), sealed with the server key; shown once at creation. */
    secretSealed: text('secret_sealed').notNull(),
    status: text('status').$type<WebhookStatus>().notNull(),
    disabledReason: text('disabled_reason'),
    /** The last event position fanned out to this endpoint (the dispatcher's durable cursor). */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    /** Since when every attempt has failed; null after a success. */
    failingSince: timestamp('failing_since', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('webhook_endpoints_workspace').on(table.workspaceId, table.createdAt, table.id),
    index('webhook_endpoints_active').on(table.workspaceId).where(sql`${table.status} = 'active'`),
  ],
);

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** One call of one attempt, as the delivery log shows it. */
export interface WebhookAttempt {
  at: string;
  /** The HTTP status the endpoint answered; null when no answer came (network, timeout, guard). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One message to one endpoint (an event, or a test), with its attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The event's row id (null for a test message); one delivery per endpoint and event. */
    eventId: bigint('event_id', { mode: 'number' }),
    eventType: text('event_type').notNull(),
    /** The `webhook-id` header: the same for every attempt and replay, so receivers can dedupe. */
    messageId: text('message_id').notNull(),
    /** The JSON body sent (without signature), fixed at fan-out. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due (pending), or may be claimed again (an attempt in flight). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }),
    /** Retries stop once this much time has passed since the window started (creation, replay). */
    windowStartedAt: timestamp('window_started_at', { withTimezone: true, precision: 3 }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    log: jsonb('log').$type<WebhookAttempt[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('webhook_deliveries_event').on(table.endpointId, table.eventId),
    index('webhook_deliveries_endpoint').on(
      table.workspaceId,
      table.endpointId,
      table.createdAt,
      table.id,
    ),
    index('webhook_deliveries_due').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
  ],
);
