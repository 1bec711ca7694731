import type { Campaign } from '../../db/queries/campaigns.ts';
import { AppError } from '../../lib/errors.ts';
import { hasScope } from '../auth/role-scopes.ts';
import { type Actor, actorLabel } from '../context.ts';
import type { DraftView } from './views.ts';

/**
 * The one place that decides whether a campaign may be approved (an interim gate: the approval
 * engine replaces its inside, not its callers). Automatic when no draft has an error issue at
 * creation; otherwise a person or key with `publish` scope who neither created it nor made the
 * last edit, and only once no draft has an error.
 */
export function autoApproves(drafts: readonly Pick<DraftView, 'issues'>[]): boolean {
  return drafts.every((draft) => draft.issues.every((issue) => issue.severity !== 'error'));
}

export function assertMayApprove(
  campaign: Campaign,
  drafts: readonly DraftView[],
  actor: Actor,
): void {
  if (campaign.state !== 'draft')
    throw new AppError('conflict', `The campaign is ${campaign.state}; only a draft is approved.`);
  if (actor.kind === 'system' || !hasScope(actor.scopes, 'publish'))
    throw new AppError('forbidden', 'Approving needs the publish scope.');
  const label = actorLabel(actor);
  if (label === campaign.createdBy)
    throw new AppError('forbidden', 'Nobody approves a campaign they created.');
  if (drafts.some((draft) => draft.editedBy === label))
    throw new AppError('forbidden', 'Nobody approves a campaign they edited.');
  const blocking = drafts.flatMap((draft) =>
    draft.issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => ({ field: `${draft.target}.${issue.field}`, message: issue.message })),
  );
  if (blocking.length > 0)
    throw new AppError('unprocessable', 'Drafts still have errors; fix them before approving.', {
      errors: blocking,
    });
}

/**
 * Publishing checks the same gate: only an approved campaign (or a scheduled one, to reschedule)
 * may be scheduled. Editing a draft takes a campaign back to `draft`, so an edit always needs a
 * new approval before anything goes out.
 */
export function assertMayPublish(campaign: Campaign): void {
  if (campaign.state === 'approved' || campaign.state === 'scheduled') return;
  if (campaign.state === 'draft')
    throw new AppError('conflict', 'The campaign is not approved yet; approve it first.');
  throw new AppError(
    'conflict',
    `The campaign is ${campaign.state}; it cannot be scheduled again.`,
  );
}
