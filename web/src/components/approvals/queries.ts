import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type {
  CampaignApproval,
  CampaignWithDrafts,
  Page,
  QueueEntry,
} from '../../types/approvals.ts';

/** `mine`: the stages waiting for the signed-in member; `all`: every waiting stage. */
export function useApprovalQueue(scope: 'mine' | 'all') {
  return useInfiniteQuery({
    queryKey: ['approvals', scope],
    queryFn: ({ pageParam }) =>
      get<Page<QueueEntry>>(
        `/v1/approvals${query({ mine: scope === 'mine' ? 'pending' : undefined, limit: 100, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** A campaign's latest approval round: level, why, stages and decisions. */
export function useApprovalRound(campaignId: string) {
  return useQuery({
    queryKey: ['approvals', 'round', campaignId],
    queryFn: () => get<CampaignApproval>(`/v1/campaigns/${campaignId}/approval`),
  });
}

export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => get<CampaignWithDrafts>(`/v1/campaigns/${campaignId}`),
  });
}
