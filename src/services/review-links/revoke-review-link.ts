import { appendAuditEntry } from '../../db/queries/audit-log.ts';
import { lockReviewLink, revokeReviewLink as markRevoked } from '../../db/queries/review-links.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { hasScope } from '../auth/role-scopes.ts';
import { actorLabel, type ServiceContext } from '../context.ts';

/** Revokes a review link (its creator, or anyone with the write scope); revoking twice is a no-op. */
export async function revokeReviewLink(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  const actor = actorLabel(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const link = await lockReviewLink(tx, { workspaceId: ctx.workspaceId, id });
    if (!link) throw notFound('Review link');
    const writer = ctx.actor.kind !== 'system' && hasScope(ctx.actor.scopes, 'write');
    if (link.createdBy !== actor && !writer)
      throw new AppError(
        'forbidden',
        'Only its creator or someone with the write scope revokes a link.',
      );
    if (link.revokedAt !== null) return;
    await markRevoked(tx, { workspaceId: ctx.workspaceId, id });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'review_link.revoked',
      subjectType: 'review_link',
      subjectId: id,
      actor,
      data: { campaignId: link.campaignId },
    });
    await appendAuditEntry(tx, {
      workspaceId: ctx.workspaceId,
      action: 'review_link.revoked',
      resourceType: 'review_link',
      resourceId: id,
      actor,
      before: { revokedAt: null },
      after: { revokedAt: new Date().toISOString() },
      data: { campaignId: link.campaignId },
    });
  });
}
