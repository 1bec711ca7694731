/**
 * The API shapes the composer and campaign pages read (src/http/routes/{generation,campaigns,
 * publishing,approvals}.ts and their schema files): only the fields the pages use.
 */
import type { LengthCounting } from '../../../src/generation/channels.ts';

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface EmailChannel {
  id: 'email';
  kind: 'email';
  label: string;
  limits: {
    subjectMin: number;
    subjectMax: number;
    subjectWarnAbove: number;
    preheaderMax: number;
    htmlMaxBytes: number;
  };
}

export interface WebChannel {
  id: 'web';
  kind: 'web';
  label: string;
  limits: {
    titleMin: number;
    titleMax: number;
    seoTitleMax: number;
    metaDescriptionMin: number;
    metaDescriptionMax: number;
    excerptMax: number;
  };
}

export interface SocialChannel {
  id: string;
  kind: 'social';
  label: string;
  limits: { maxLength: number; counting: LengthCounting; hashtagCap: number; threads: boolean };
}

/** GET /v1/channels: the registry the server's validator reads. */
export type Channel = EmailChannel | WebChannel | SocialChannel;

export interface DraftIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  field: string;
  message: string;
}

export interface Quality {
  overall: number;
  readability: number;
  structure: number;
  seo: number | null;
  engagement: number;
  brandCompliance: number;
  fleschReadingEase: number;
}

export interface EmailContent {
  channel: 'email';
  subject: string;
  preheader: string;
  html: string;
  text: string;
  htmlBytes: number;
  itemKeys: string[];
}

export interface WebContent {
  channel: 'web';
  title: string;
  slug: string;
  excerpt: string;
  html: string;
  seoTitle: string;
  metaDescription: string;
  readingTimeMinutes: number;
  itemKeys: string[];
}

export interface SocialPost {
  text: string;
  length: number;
}

export interface SocialContent {
  channel: string;
  posts: SocialPost[];
  link: string | null;
  hashtags: string[];
  itemKeys: string[];
}

export type DraftContent = EmailContent | WebContent | SocialContent;

/** A draft of POST /v1/preview (nothing stored). */
export interface PreviewDraft {
  channel: string;
  content: DraftContent;
  issues: DraftIssue[];
  quality: Quality;
}

export interface PreviewResult {
  drafts: PreviewDraft[];
  skipped: { channel: string; reason: string }[];
  itemKeys: string[];
}

export interface PreviewRequest {
  snapshotId: string;
  channels: string[];
  tone?: string;
  template: string;
  socialMode: SocialMode;
  itemKeys?: string[];
}

export type SocialMode = 'lead' | 'per_item';

export type CampaignState =
  | 'draft'
  | 'pending_approval'
  | 'approved'
  | 'scheduled'
  | 'publishing'
  | 'published'
  | 'partially_failed'
  | 'failed'
  | 'cancelled';

export interface Campaign {
  id: string;
  name: string;
  state: CampaignState;
  sourceId: string | null;
  itemKeys: string[];
  channels: string[];
  tone: string;
  template: string;
  socialMode: string;
  createdBy: string;
  approvalLevel: string | null;
  scheduledAt: string | null;
  scheduledLocal: string | null;
  scheduleZone: string | null;
  stateReason: string | null;
  createdAt: string;
}

/** A stored draft: the current version of one channel target. */
export interface CampaignDraft extends PreviewDraft {
  id: string;
  campaignId: string;
  target: string;
  version: number;
  editedBy: string | null;
  dryRun: boolean;
  updatedAt: string;
}

export interface CampaignWithDrafts extends Campaign {
  drafts: CampaignDraft[];
}

export interface DraftVersion {
  version: number;
  actor: string;
  reason: string;
  createdAt: string;
  quality: Quality;
}

export interface VersionDiff {
  from: number;
  to: number;
  changes: { field: string; from: unknown; to: unknown }[];
}

export interface ApprovalStage {
  id: string;
  position: number;
  name: string;
  mode: 'all' | 'any';
  approvers: { roles: string[]; members: string[] };
  escalated: { roles: string[]; members: string[] };
  status: 'waiting' | 'active' | 'approved' | 'rejected' | 'changes_requested' | 'closed';
  deadlineAt: string | null;
  overdue: boolean;
  remaining: number;
}

export interface ApprovalRound {
  status: string;
  statusReason: string | null;
  level: string;
  levelName: string;
  explanation: { summary: string };
  stages: ApprovalStage[];
}

export interface CampaignApproval {
  campaign: Campaign;
  round: ApprovalRound | null;
}

export interface Delivery {
  id: string;
  channel: string;
  state: string;
  dueAt: string;
  remoteUrl: string | null;
  error: { kind: string; message: string } | null;
  reason: string | null;
}

export interface Source {
  id: string;
  name: string;
  latestSnapshotId: string | null;
}

export interface SnapshotItem {
  key: string;
  section: string;
  sectionHeading: string | null;
  title: string;
  published: boolean;
}

export interface Snapshot {
  id: string;
  items: SnapshotItem[];
  diff: { added: string[]; changed: string[]; removed: string[]; unchanged: string[] };
}

export interface Tone {
  id: string;
  name: string;
}

export interface Template {
  id: string;
  description: string;
}

export interface Workspace {
  name: string;
  timeZone: string;
}

export interface Brand {
  name?: string;
  defaultTone?: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
}
