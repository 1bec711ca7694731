import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { ChannelId } from '../generation/channels.ts';
import type { OutboundPolicy } from '../lib/outbound/outbound-policy.ts';
import type {
  AudiencePage,
  OutgoingMessage,
  PublishReceipt,
  PublishResult,
  StatusLookup,
} from './outgoing-message.ts';

/** Everything an adapter call may use; config and credentials already validated and decrypted. */
export interface ChannelCall<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  /** SSRF guard and timeout for requests to the destination. */
  outbound: OutboundPolicy;
  /** For adapters that keep what they publish inside Toombos (the sandbox outbox). */
  db: Db;
  workspaceId: string;
}

/**
 * A publish adapter: one folder under src/channels/, exporting one object built with
 * `defineChannel` (ARCHITECTURE.md principle 1). Capabilities are data; the worker never asks
 * which adapter it holds.
 */
export interface ChannelAdapter<Config = unknown, Credentials = unknown> {
  /** The `provider` of a connection: `sandbox`, `crm`, `platform`. */
  id: string;
  label: string;
  /** The channels a connection of this adapter may publish. */
  channels: readonly ChannelId[];
  /** Non-secret connection settings (base URL, batch size…); stored as given, returned by the API. */
  configSchema: z.ZodType<Config>;
  /** Secret connection settings; stored encrypted, never returned. */
  credentialsSchema: z.ZodType<Credentials>;
  /**
   * Set when recipients come from the destination (a CRM): the worker reads them page by page
   * and makes one delivery per batch (`batchSize` recipients), so no list is ever held whole.
   */
  audience: {
    batchSize: number;
    listRecipients(
      call: ChannelCall<Config, Credentials>,
      page: { cursor: string | null; limit: number },
    ): Promise<AudiencePage>;
  } | null;
  /**
   * Publishes one message. Throws `PublishError` for an answer that says no, and
   * `OutcomeUnknownError` when the call may have gone through unanswered; any other throw is
   * treated as unknown too (never as "did not happen").
   */
  publish(
    call: ChannelCall<Config, Credentials>,
    message: OutgoingMessage,
  ): Promise<PublishReceipt>;
  /**
   * Optional, for destinations that take many messages in one request (the sandbox writes them in
   * one statement): one result per message, in order, each exactly what `publish` would have
   * returned or thrown for it. A throw leaves every message's outcome unknown, as for `publish`.
   */
  publishMany?(
    call: ChannelCall<Config, Credentials>,
    messages: readonly OutgoingMessage[],
  ): Promise<PublishResult[]>;
  /** Looks up what a publish with this idempotency key created, without creating anything. */
  status(
    call: ChannelCall<Config, Credentials>,
    message: Pick<OutgoingMessage, 'idempotencyKey' | 'deliveryId'>,
  ): Promise<StatusLookup>;
}

export function defineChannel<Config, Credentials>(
  adapter: ChannelAdapter<Config, Credentials>,
): ChannelAdapter<Config, Credentials> {
  return adapter;
}
