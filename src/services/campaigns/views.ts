import type { Campaign } from '../../db/queries/campaigns.ts';
import type { DraftRow, DraftVersionRow } from '../../db/queries/drafts.ts';
import type { CampaignState } from '../../db/schema.ts';
import type { DraftContent, DraftIssue, QualityScore } from '../../generation/draft.ts';
import { inZone } from '../../lib/zoned-instant.ts';

export interface DraftView {
  id: string;
  campaignId: string;
  channel: string;
  target: string;
  version: number;
  content: DraftContent;
  issues: DraftIssue[];
  quality: QualityScore;
  editedBy: string | null;
  /** Made from a `dry_run` item: publishes to the sandbox outbox only. */
  dryRun: boolean;
  updatedAt: string;
}

export interface CampaignView {
  id: string;
  name: string;
  state: CampaignState;
  sourceId: string | null;
  snapshotId: string | null;
  itemKeys: string[];
  channels: string[];
  tone: string;
  template: string;
  socialMode: string;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  /** The approval level of the current (or last) round; null before the first. */
  approvalLevel: string | null;
  /** When publishing starts (UTC), and the same instant in the zone it was given in. */
  scheduledAt: string | null;
  scheduledLocal: string | null;
  scheduleZone: string | null;
  sendBy: string | null;
  channelOffsets: Record<string, number>;
  /** Why it was cancelled: `cancelled` (by someone) or `missed_window`. */
  stateReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DraftVersionView {
  version: number;
  content: DraftContent;
  issues: DraftIssue[];
  quality: QualityScore;
  actor: string;
  reason: string;
  createdAt: string;
}

export function toCampaignView(row: Campaign): CampaignView {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    sourceId: row.sourceId,
    snapshotId: row.snapshotId,
    itemKeys: row.itemKeys,
    channels: row.channels,
    tone: row.tone,
    template: row.template,
    socialMode: row.socialMode,
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvalLevel: row.approvalLevel,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    scheduledLocal:
      row.scheduledAt && row.scheduleZone ? inZone(row.scheduledAt, row.scheduleZone) : null,
    scheduleZone: row.scheduleZone,
    sendBy: row.sendBy?.toISOString() ?? null,
    channelOffsets: row.channelOffsets,
    stateReason: row.stateReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// Stored as JSON by this code only (create-campaign, edit-draft): the shapes are ours.
export function toDraftView(row: DraftRow): DraftView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    channel: row.channel,
    target: row.target,
    version: row.version,
    content: row.content as unknown as DraftContent,
    issues: row.issues as unknown as DraftIssue[],
    quality: row.quality as unknown as QualityScore,
    editedBy: row.editedBy,
    dryRun: row.dryRun,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDraftVersionView(row: DraftVersionRow): DraftVersionView {
  return {
    version: row.version,
    content: row.content as unknown as DraftContent,
    issues: row.issues as unknown as DraftIssue[],
    quality: row.quality as unknown as QualityScore,
    actor: row.actor,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}
