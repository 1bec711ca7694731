import { z } from 'zod';
import { decisionKinds } from '../../db/approval-schema.ts';
import type { Db } from '../../db/client.ts';
import { getActiveStageOfCampaign } from '../../db/queries/approval-stages.ts';
import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { getCampaign } from '../../db/queries/campaigns.ts';
import { listDraftsOfCampaign } from '../../db/queries/drafts.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { DraftContent } from '../../generation/draft.ts';
import { plainTextOf } from '../../generation/quality/plain-text-of.ts';
import { AppError } from '../../lib/errors.ts';
import { resolveReviewLink } from './resolve-review-link.ts';

export const reviewPreviewSchema = z
  .object({
    reviewerName: z.string(),
    expiresAt: z.iso.datetime(),
    /** This link's decision once made (a link decides once). */
    decision: z.enum(decisionKinds).nullable(),
    campaign: z.object({ name: z.string(), state: z.string() }),
    /** The stage a decision would count for; null when the campaign waits for none. */
    stage: z.object({ position: z.number().int(), name: z.string() }).nullable(),
    drafts: z.array(
      z.object({
        target: z.string(),
        channel: z.string(),
        /** The subject or title, when the channel has one. */
        title: z.string().nullable(),
        /** What a reader would read, as plain text. */
        text: z.string(),
        content: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'ReviewPreview' });
export type ReviewPreview = z.infer<typeof reviewPreviewSchema>;

/** What a review link shows: the campaign's drafts, read-only. Every opening is recorded. */
export async function previewReviewLink(
  db: Db,
  deps: { secretKey: Buffer },
  token: string | undefined,
  now = new Date(),
): Promise<ReviewPreview> {
  const link = await resolveReviewLink(db, deps.secretKey, token, { now });
  const scope = { workspaceId: link.workspaceId, campaignId: link.campaignId };
  const campaign = await getCampaign(db, { workspaceId: link.workspaceId, id: link.campaignId });
  if (!campaign) throw new AppError('gone', 'The campaign of this review link no longer exists.');
  const stage =
    campaign.state === 'pending_approval' ? await getActiveStageOfCampaign(db, scope) : undefined;
  const drafts = await listDraftsOfCampaign(db, scope);
  const actor = `review_link:${link.id}`;
  await db.transaction(async (tx) => {
    await appendEvent(tx, {
      workspaceId: link.workspaceId,
      type: 'review_link.opened',
      subjectType: 'review_link',
      subjectId: link.id,
      actor,
      data: { campaignId: campaign.id },
    });
    await appendAuditEntry(tx, {
      workspaceId: link.workspaceId,
      action: 'review_link.opened',
      resourceType: 'review_link',
      resourceId: link.id,
      actor,
      data: { campaignId: campaign.id, reviewerName: link.reviewerName },
    });
  });
  return {
    reviewerName: link.reviewerName,
    expiresAt: link.expiresAt.toISOString(),
    decision: link.decision,
    campaign: { name: campaign.name, state: campaign.state },
    stage: stage ? { position: stage.position, name: stage.name } : null,
    drafts: drafts.map((draft) => {
      const content = draft.content as unknown as DraftContent;
      return {
        target: draft.target,
        channel: draft.channel,
        title:
          content.channel === 'email'
            ? content.subject
            : content.channel === 'web'
              ? content.title
              : null,
        text: plainTextOf(content),
        content: draft.content,
      };
    }),
  };
}
