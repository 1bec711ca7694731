import type { Campaign } from '../../db/queries/campaigns.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * The one approval gate (PRODUCT.md §6): what the approval engine, scheduling and the publishing
 * worker all check. Which approvals a campaign needs is the policy's business
 * (services/approvals/); whether it may go out is decided here.
 */

/** A scheduled campaign whose publishing has not started this long after its time loses its approval. */
export const APPROVAL_EXPIRY_GRACE_MS = 10 * 60_000;

/** When the approval of a campaign whose first delivery is due at `firstDueAt` lapses. */
export function approvalExpiryFor(firstDueAt: Date): Date {
  return new Date(firstDueAt.getTime() + APPROVAL_EXPIRY_GRACE_MS);
}

/** An approval expires at the scheduled time (plus the grace) if publishing has not started. */
export function approvalExpired(
  campaign: Pick<Campaign, 'state' | 'approvalExpiresAt'>,
  now: Date,
): boolean {
  return (
    campaign.state === 'scheduled' &&
    campaign.approvalExpiresAt !== null &&
    now.getTime() > campaign.approvalExpiresAt.getTime()
  );
}

interface DraftIssues {
  target: string;
  issues: ReadonlyArray<{ severity: string; field: string; message: string }>;
}

/** Errors block submission, approval and publishing; warnings do not (PRODUCT.md §5.6). */
export function assertNoDraftErrors(drafts: readonly DraftIssues[], action: string): void {
  const blocking = drafts.flatMap((draft) =>
    draft.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => ({ field: `${draft.target}.${issue.field}`, message: issue.message })),
  );
  if (blocking.length > 0)
    throw new AppError('unprocessable', `Drafts still have errors; fix them before ${action}.`, {
      errors: blocking,
    });
}

/** Nobody approves a campaign they created or edited (actor labels). */
export function assertNotAuthor(
  campaign: Pick<Campaign, 'createdBy'>,
  editors: readonly string[],
  actor: string,
): void {
  if (actor === campaign.createdBy)
    throw new AppError('forbidden', 'Nobody approves a campaign they created.');
  if (editors.includes(actor))
    throw new AppError('forbidden', 'Nobody approves a campaign they edited.');
}

/**
 * Only an approved campaign (or a scheduled one, to reschedule, while its approval holds) may be
 * scheduled or published. A campaign waiting for approval is refused naming the stage it waits for.
 */
export function assertMayPublish(
  campaign: Campaign,
  pendingStage: { position: number; name: string } | undefined,
  now = new Date(),
): void {
  if (campaign.state === 'approved') return;
  if (campaign.state === 'scheduled') {
    if (!approvalExpired(campaign, now)) return;
    throw new AppError(
      'conflict',
      'The approval expired: publishing did not start at the scheduled time. Submit it again.',
      { reason: 'approval_expired' },
    );
  }
  if (campaign.state === 'pending_approval')
    throw new AppError(
      'conflict',
      pendingStage
        ? `The campaign is not approved yet: stage ${pendingStage.position} "${pendingStage.name}" is pending.`
        : 'The campaign is not approved yet.',
      pendingStage ? { pendingStage } : {},
    );
  if (campaign.state === 'draft')
    throw new AppError(
      'conflict',
      'The campaign is not approved: it is a draft. Submit it for approval first.',
    );
  throw new AppError(
    'conflict',
    `The campaign is ${campaign.state}; it cannot be scheduled again.`,
  );
}
