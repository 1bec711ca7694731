import type { ChannelId } from '../generation/channels.ts';
import type { DraftContent } from '../generation/draft.ts';

/** One person a CRM batch goes to; merge vars fill tags such as `{{first_name|there}}`. */
export interface Recipient {
  email: string;
  mergeVars: Record<string, string>;
}

/** What the worker hands an adapter: one delivery's content, exactly as drafted. */
export interface OutgoingMessage {
  deliveryId: string;
  campaignId: string;
  channel: ChannelId;
  /**
   * Unique per delivery and the same on every attempt, so the destination can drop a repeat and
   * `status` can find what an unanswered call created.
   */
  idempotencyKey: string;
  content: DraftContent;
  /** Only for adapters with an `audience` (a CRM batch): who this batch goes to. */
  recipients?: Recipient[] | undefined;
}

/** Stored on the delivery the moment the destination returns it. */
export interface PublishReceipt {
  remoteId: string;
  remoteUrl: string | null;
}

/**
 * How one message of a call ended: its receipt, or what `publish` would have thrown for it
 * (`PublishError`, `OutcomeUnknownError`, anything else counting as unknown).
 */
export type PublishResult =
  | { kind: 'sent'; receipt: PublishReceipt }
  | { kind: 'error'; error: unknown };

/** The answer to "did my unanswered call go through?" */
export type StatusLookup = ({ found: true } & PublishReceipt) | { found: false };

/** One page of the destination's audience. */
export interface AudiencePage {
  recipients: Recipient[];
  /** Null on the last page. */
  nextCursor: string | null;
}
