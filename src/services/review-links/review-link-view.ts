import { z } from 'zod';
import { decisionKinds } from '../../db/approval-schema.ts';
import type { ReviewLink } from '../../db/queries/review-links.ts';

export const reviewLinkStatuses = ['active', 'used', 'revoked', 'expired'] as const;

export const reviewLinkSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    reviewerName: z.string(),
    reviewerEmail: z.string().nullable(),
    status: z.enum(reviewLinkStatuses),
    decision: z.enum(decisionKinds).nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    usedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReviewLink' });
export type ReviewLinkView = z.infer<typeof reviewLinkSchema>;

export function reviewLinkStatus(row: ReviewLink, now: Date): (typeof reviewLinkStatuses)[number] {
  if (row.revokedAt !== null) return 'revoked';
  if (row.usedAt !== null) return 'used';
  return now > row.expiresAt ? 'expired' : 'active';
}

export function toReviewLinkView(row: ReviewLink, now = new Date()): ReviewLinkView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    reviewerName: row.reviewerName,
    reviewerEmail: row.reviewerEmail,
    status: reviewLinkStatus(row, now),
    decision: row.decision,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    usedAt: row.usedAt?.toISOString() ?? null,
  };
}
