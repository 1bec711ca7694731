import type { DecisionKind } from '../../db/approval-schema.ts';
import type { Db } from '../../db/client.ts';
import { getCampaign } from '../../db/queries/campaigns.ts';
import { listDraftEditors } from '../../db/queries/drafts.ts';
import { markReviewLinkUsed } from '../../db/queries/review-links.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError } from '../../lib/errors.ts';
import { decideOnCampaign } from '../approvals/decide-on-campaign.ts';
import { assertNotAuthor } from '../campaigns/approval-gate.ts';
import { resolveReviewLink } from './resolve-review-link.ts';

type ReviewDecision = Extract<DecisionKind, 'approve' | 'reject'>;

/**
 * An outsider's one decision through a review link: approve (comment optional) or reject (comment
 * required), on the stage waiting, with the eligibility its creator delegated. The link is spent
 * by it; a second use is 410. Recorded as `review_link:<id>` in the round and the audit log.
 */
export async function decideByReviewLink(
  db: Db,
  deps: { secretKey: Buffer },
  token: string | undefined,
  { decision, comment }: { decision: ReviewDecision; comment?: string | undefined },
  now = new Date(),
): Promise<{ decision: ReviewDecision; campaignState: string }> {
  return db.transaction(async (tx) => {
    const link = await resolveReviewLink(tx, deps.secretKey, token, { now, lock: true });
    if (link.usedAt !== null)
      throw new AppError('gone', 'This review link has been used: it decides once.');
    const label = `review_link:${link.id}`;
    const campaign = await getCampaign(tx, { workspaceId: link.workspaceId, id: link.campaignId });
    if (!campaign) throw new AppError('gone', 'The campaign of this review link no longer exists.');
    // Its creator may have edited the campaign since: then it is no longer theirs to delegate.
    assertNotAuthor(
      campaign,
      await listDraftEditors(tx, { workspaceId: link.workspaceId, campaignId: link.campaignId }),
      link.createdBy,
    );
    const updated = await decideOnCampaign(
      tx,
      link.workspaceId,
      { label, identity: link.delegate },
      { campaignId: link.campaignId, decision, comment, via: 'review_link' },
      now,
    );
    await markReviewLinkUsed(
      tx,
      { workspaceId: link.workspaceId, id: link.id },
      { decision, at: now },
    );
    await appendEvent(tx, {
      workspaceId: link.workspaceId,
      type: 'review_link.used',
      subjectType: 'review_link',
      subjectId: link.id,
      actor: label,
      data: { campaignId: link.campaignId, decision, reviewerName: link.reviewerName },
    });
    return { decision, campaignState: updated.state };
  });
}
