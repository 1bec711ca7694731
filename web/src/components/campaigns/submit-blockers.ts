import type {
  ApprovalStage,
  CampaignDraft,
  CampaignState,
  Channel,
} from '../../types/campaigns.ts';
import { type DraftEdit, isDirty, liveProblems, withEdit } from './edits.ts';
import { draftLabel, targetItemKey } from './labels.ts';

/** Why a campaign in this state cannot be submitted (null: a draft can). */
function stateBlocker(state: CampaignState, activeStage: ApprovalStage | null): string | null {
  switch (state) {
    case 'draft':
      return null;
    case 'pending_approval':
      return activeStage
        ? `It is already waiting for approval: stage ${activeStage.name}.`
        : 'It is already waiting for approval.';
    case 'approved':
      return 'It is already approved: schedule or publish it.';
    case 'scheduled':
      return 'It is already approved and scheduled.';
    case 'cancelled':
      return 'It was cancelled.';
    case 'publishing':
      return 'It is being published.';
    case 'published':
      return 'It is published.';
    default:
      return `Publishing has ended (${state.replaceAll('_', ' ')}): see the deliveries.`;
  }
}

/**
 * Every reason the campaign cannot be submitted now, in sentences: its state, the saved drafts'
 * errors (the server refuses those with 422), unsaved edits the server would refuse, and unsaved
 * edits at all (submitting approves the saved text). Empty: it can be submitted.
 */
export function submitBlockers({
  state,
  activeStage,
  canWrite,
  drafts,
  edits,
  channels,
}: {
  state: CampaignState;
  activeStage: ApprovalStage | null;
  canWrite: boolean;
  drafts: CampaignDraft[];
  edits: Record<string, DraftEdit>;
  channels: Map<string, Channel> | undefined;
}): string[] {
  const reasons: string[] = [];
  const fromState = stateBlocker(state, activeStage);
  if (fromState) reasons.push(fromState);
  if (!canWrite)
    reasons.push('Submitting needs the write permission, which your role does not have.');
  const unsaved: string[] = [];
  for (const draft of drafts) {
    const label = draftLabel(channels, draft.channel, targetItemKey(draft));
    const channel = channels?.get(draft.channel);
    const edit = edits[draft.id];
    const dirty = edit !== undefined && isDirty(draft.content, edit.values);
    if (dirty && channel)
      reasons.push(...liveProblems(label, withEdit(draft.content, edit.values, channel), channel));
    if (dirty) unsaved.push(label);
    for (const issue of draft.issues)
      if (issue.severity === 'error') reasons.push(`${label}: ${issue.message} (error)`);
  }
  if (unsaved.length > 0) reasons.push(`Save your edits first (${unsaved.join(', ')}).`);
  return reasons;
}
