import { type CampaignFacts, draftFindings } from '../../approvals/campaign-facts.ts';
import type { Campaign } from '../../db/queries/campaigns.ts';

interface DraftIssues {
  target: string;
  issues: ReadonlyArray<{ severity: string; code: string; field: string; message: string }>;
}

/** What the policy reads of a campaign now: its items (kept at creation), channels and drafts. */
export function factsOf(
  campaign: Pick<Campaign, 'itemFacts' | 'channels'>,
  drafts: readonly DraftIssues[],
): CampaignFacts {
  return {
    items: campaign.itemFacts ?? [],
    channels: campaign.channels,
    ...draftFindings(drafts),
  };
}
