import type { Db } from '../../db/client.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';
import type { DraftView } from '../campaigns/views.ts';
import { evaluateCampaign } from './open-round.ts';

/**
 * Whether the policy approves this campaign without anyone (L1 by default) and no draft has an
 * error. At creation such a campaign is approved at once (with its explanation on record); one
 * that needs people stays a `draft` until it is submitted, so nobody is asked before its author
 * is done.
 */
export async function needsNobody(
  db: Db,
  { campaign, drafts }: { campaign: Campaign; drafts: readonly DraftView[] },
): Promise<boolean> {
  if (drafts.some((draft) => draft.issues.some((issue) => issue.severity === 'error')))
    return false;
  return (await evaluateCampaign(db, campaign, drafts)).stages.length === 0;
}
