import type { Campaign } from '../../db/queries/campaigns.ts';
import type { DraftRow, DraftVersionRow } from '../../db/queries/drafts.ts';
import type { CampaignState } from '../../db/schema.ts';
import type { DraftContent, DraftIssue, QualityScore } from '../../generation/draft.ts';

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
