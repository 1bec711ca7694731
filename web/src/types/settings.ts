/**
 * What the settings tabs read and write: the fields of the API's answers they use
 * (src/services/{workspaces,members,connections,webhooks}, src/http/routes/{api-keys,generation}.ts).
 */

/** A cursor-paginated list answer. */
export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface BrandProfile {
  name?: string;
  siteUrl?: string;
  senderName?: string;
  senderEmail?: string;
  defaultTone?: string;
  defaultHashtags?: string[];
  prohibitedPhrases?: string[];
  colors?: { primary?: string; accent?: string };
  logoUrl?: string;
}

/** The colors generation uses when the brand names none (src/generation/brand-context.ts). */
export const defaultBrandColors = { primary: '#1f4e79', accent: '#0f7b6c' } as const;

export interface Workspace {
  name: string;
  timeZone: string;
  brand: BrandProfile;
}

export const channelIds = [
  'email',
  'web',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'mastodon',
  'bluesky',
] as const;
export type ChannelId = (typeof channelIds)[number];

export interface Tone {
  id: string;
  name: string;
  description: string;
  greeting: string;
  closing: string;
  callToAction: string;
  socialOpener: string;
  engagementQuestion: string;
  sentenceLengthTarget: number;
  emojiCap: Partial<Record<ChannelId, number>>;
  exclamationCap: number;
  bannedWords: { word: string; replacement: string }[];
  disclaimers: string[];
  preferredChannels: ChannelId[];
  builtIn: boolean;
}

export const roles = ['owner', 'admin', 'editor', 'contributor', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  labels: string[];
  status: 'pending' | 'active';
  setupExpiresAt: string | null;
}

export interface InvitedMember extends Member {
  setupUrl: string;
}

export const scopes = ['read', 'write', 'publish', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface Connection {
  id: string;
  name: string;
  provider: string;
  channel: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  rateLimit: { max: number; perSeconds: number } | null;
  status: 'active' | 'needs_reconnect';
  updatedAt: string;
}

/** One non-secret setting a provider's config schema takes (src/channels/<provider>/index.ts). */
export type ConfigField =
  | { key: string; label: string; kind: 'url'; description: string }
  | { key: string; label: string; kind: 'number'; min: number; max: number; default: number }
  | { key: string; label: string; kind: 'choice'; options: string[]; default: string };

export interface Provider {
  id: 'sandbox' | 'crm' | 'platform';
  label: string;
  channels: readonly ChannelId[];
  config: ConfigField[];
  /** Whether it takes an `apiKey` credential (required at creation). */
  apiKey: boolean;
}

/** The publish adapters of src/channels/registry.ts, with the fields their schemas check. */
export const providers: readonly Provider[] = [
  {
    id: 'crm',
    label: 'CRM (email batches)',
    channels: ['email'],
    config: [
      {
        key: 'baseUrl',
        label: 'Base URL',
        kind: 'url',
        description: 'The CRM API address, http:// or https://',
      },
      {
        key: 'batchSize',
        label: 'Recipients per batch',
        kind: 'number',
        min: 1,
        max: 100,
        default: 100,
      },
    ],
    apiKey: true,
  },
  {
    id: 'platform',
    label: 'Website platform',
    channels: ['web'],
    config: [
      {
        key: 'baseUrl',
        label: 'Base URL',
        kind: 'url',
        description: 'The platform API address, http:// or https://',
      },
      {
        key: 'status',
        label: 'Post status',
        kind: 'choice',
        options: ['published', 'draft'],
        default: 'published',
      },
      {
        key: 'type',
        label: 'Content type',
        kind: 'choice',
        options: ['post', 'page'],
        default: 'post',
      },
    ],
    apiKey: true,
  },
  { id: 'sandbox', label: 'Sandbox (outbox)', channels: channelIds, config: [], apiKey: false },
];

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: 'active' | 'disabled';
  disabledReason: string | null;
  failingSince: string | null;
}

export interface CreatedWebhook extends Webhook {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The event catalog (docs/events.md), which a webhook's `eventTypes` filter names. */
export const eventTypes = [
  'workspace.created',
  'workspace.updated',
  'api_key.created',
  'api_key.revoked',
  'member.invited',
  'member.setup_completed',
  'member.updated',
  'member.removed',
  'member.logged_in',
  'member.logged_out',
  'source.created',
  'source.updated',
  'source.deleted',
  'source.synced',
  'source.sync_failed',
  'tone.saved',
  'tone.deleted',
  'campaign.created',
  'campaign.approved',
  'campaign.returned_to_draft',
  'campaign.scheduled',
  'campaign.rescheduled',
  'campaign.cancelled',
  'campaign.publishing',
  'campaign.published',
  'campaign.partially_failed',
  'campaign.failed',
  'draft.edited',
  'approval_policy.updated',
  'approval.requested',
  'approval.granted',
  'approval.rejected',
  'approval.changes_requested',
  'approval.reminder',
  'approval.overdue',
  'approval.reset',
  'approval.expired',
  'comment.added',
  'comment.mentioned',
  'review_link.created',
  'review_link.opened',
  'review_link.used',
  'review_link.revoked',
  'connection.created',
  'connection.updated',
  'connection.deleted',
  'connection.needs_reconnect',
  'delivery.sending',
  'delivery.sent',
  'delivery.failed',
  'delivery.retry_scheduled',
  'delivery.unknown',
  'delivery.cancelled',
  'delivery.retry_requested',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'system.pong',
] as const;

/** `<family>.*` filters, one per family of the catalog, in catalog order. */
export const eventFamilies = [...new Set(eventTypes.map((type) => `${type.split('.')[0]}.*`))];
