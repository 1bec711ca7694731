import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { reviewLinkKey, signReviewToken } from '../../approvals/review-token.ts';
import { eligibility } from '../../approvals/stage-eligibility.ts';
import { getActiveStageOfCampaign } from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { lockCampaign } from '../../db/queries/campaigns.ts';
import { listDraftEditors } from '../../db/queries/drafts.ts';
import { insertReviewLink } from '../../db/queries/review-links.ts';
import { appendEvent } from '../../events/append-event.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { deciderOf } from '../approvals/approver-identity.ts';
import { assertNotAuthor } from '../campaigns/approval-gate.ts';
import type { ServiceContext } from '../context.ts';
import { type ReviewLinkView, toReviewLinkView } from './review-link-view.ts';

const HOUR = 3_600_000;

export const createReviewLinkInput = z.strictObject({
  reviewerName: z.string().trim().min(1).max(100),
  reviewerEmail: z.email().max(254).optional(),
  /** How long the link works; 72 hours by default, at most 30 days. */
  expiresInHours: z.int().min(1).max(720).default(72),
});
export type CreateReviewLinkInput = z.output<typeof createReviewLinkInput>;

/**
 * A signed, expiring link for a named outsider to review one campaign without an account. The
 * person creating it delegates their own eligibility for the stage waiting (so only someone who
 * could approve it may send it out, never its author); the outsider's one decision fills the
 * slots the delegate could fill. The token is returned here once; only its hash is stored.
 */
export async function createReviewLink(
  ctx: ServiceContext,
  deps: { secretKey: Buffer },
  { id, ...input }: CreateReviewLinkInput & { id: string },
  now = new Date(),
): Promise<ReviewLinkView & { token: string }> {
  const delegate = await deciderOf(ctx.db, ctx.workspaceId, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, { workspaceId: ctx.workspaceId, id });
    if (!campaign) throw notFound('Campaign');
    const stage = await getActiveStageOfCampaign(tx, {
      workspaceId: ctx.workspaceId,
      campaignId: id,
    });
    if (campaign.state !== 'pending_approval' || !stage)
      throw new AppError(
        'conflict',
        'Only a campaign waiting for approval can be sent for review.',
      );
    assertNotAuthor(
      campaign,
      await listDraftEditors(tx, { workspaceId: ctx.workspaceId, campaignId: id }),
      delegate.label,
    );
    if (!eligibility(stage, delegate.identity))
      throw new AppError(
        'forbidden',
        `Only an approver of stage ${stage.position} "${stage.name}" may send it to an outside reviewer.`,
      );
    const linkId = randomUUID();
    const expiresAt = new Date(now.getTime() + input.expiresInHours * HOUR);
    const token = signReviewToken(reviewLinkKey(deps.secretKey), {
      linkId,
      workspaceId: ctx.workspaceId,
      expiresAt,
    });
    const row = await insertReviewLink(tx, {
      id: linkId,
      workspaceId: ctx.workspaceId,
      campaignId: id,
      reviewerName: input.reviewerName,
      reviewerEmail: input.reviewerEmail ?? null,
      tokenHash: sha256Hex(token),
      delegate: delegate.identity,
      createdBy: delegate.label,
      expiresAt,
    });
    const data = {
      campaignId: id,
      reviewerName: row.reviewerName,
      expiresAt: expiresAt.toISOString(),
    };
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'review_link.created',
      subjectType: 'review_link',
      subjectId: row.id,
      actor: delegate.label,
      data,
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'review_link.created',
      resourceType: 'review_link',
      resourceId: row.id,
      actor: delegate.label,
      after: { ...data, reviewerEmail: row.reviewerEmail, delegate: delegate.identity },
    });
    return { ...toReviewLinkView(row, now), token };
  });
}
