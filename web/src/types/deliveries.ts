/** Shapes of `/v1/deliveries`, `/v1/outbox` and the lookups their filters use (exactly the fields read). */

/** Every list route answers one page and the cursor of the next (null on the last). */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export const deliveryStates = [
  'scheduled',
  'sending',
  'sent',
  'failed',
  'unknown',
  'cancelled',
] as const;

export interface DeliveryAttempt {
  at: string;
  outcome: 'sent' | 'failed' | 'retry' | 'unknown' | 'found' | 'not_found';
  error?: { kind: string; message: string; vendorCode?: string };
}

export interface Delivery {
  id: string;
  campaignId: string;
  connectionId: string;
  channel: string;
  /** 0, or the number of a CRM recipient batch. */
  batch: number;
  recipientCount: number | null;
  state: string;
  dueAt: string;
  sendBy: string | null;
  idempotencyKey: string;
  remoteId: string | null;
  remoteUrl: string | null;
  attempts: DeliveryAttempt[];
  /** The destination's last refusal, in its words. */
  error: { kind: string; message: string } | null;
  /** Why it was cancelled (`missed_window`, …). */
  reason: string | null;
  createdAt: string;
}

export interface OutboxMessage {
  id: string;
  deliveryId: string;
  campaignId: string;
  channel: string;
  /** The content exactly as the sandbox connection received it. */
  message: Record<string, unknown>;
  createdAt: string;
}

export interface EmailMessage {
  subject: string;
  preheader: string;
  template: string;
  /** A complete HTML document, merge tags kept. */
  html: string;
  /** The text/plain part. */
  text: string;
}

export interface WebPostMessage {
  title: string;
  slug: string;
  excerpt: string;
  /** Sanitized article HTML (the body, not a full page). */
  html: string;
  canonicalUrl: string | null;
  tags: string[];
}

export interface SocialPostMessage {
  /** One post, or an X thread. */
  posts: { text: string }[];
  link: string | null;
  hashtags: string[];
}

export interface ChannelInfo {
  id: string;
  label: string;
  kind: string;
}

export interface CampaignSummary {
  id: string;
  name: string;
  createdAt: string;
}

export interface ConnectionSummary {
  id: string;
  name: string;
  provider: string;
}
