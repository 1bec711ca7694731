import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type {
  CampaignSummary,
  ChannelInfo,
  ConnectionSummary,
  Page,
} from '../../types/deliveries.ts';

/** Every item of a cursor-paginated list, 200 at a time. */
async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Page<T>>(`${path}${query({ limit: 200, cursor })}`);
    items.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** Every campaign (id, name), newest first: the filter's options and the lists' links. */
export function useCampaignNames() {
  return useQuery({
    queryKey: ['campaigns', 'all-names'],
    queryFn: async () => (await allPages<CampaignSummary>('/v1/campaigns')).reverse(),
  });
}

/** Every connection: a delivery names its connection only by id. */
export function useConnectionNames() {
  return useQuery({
    queryKey: ['connections', 'all-names'],
    queryFn: () => allPages<ConnectionSummary>('/v1/connections'),
  });
}

/** The channel registry (ids and labels), which never changes while the server runs. */
export function useChannels() {
  return useQuery({
    queryKey: ['channels'],
    // The cache holds the API's answer as is: other pages share this key with their own `select`.
    queryFn: () => get<{ data: ChannelInfo[] }>('/v1/channels'),
    select: (answer) => answer.data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A channel's label ("Email newsletter", "X"), or its id while the registry loads. */
export function channelLabel(channels: ChannelInfo[] | undefined, id: string): string {
  return channels?.find((channel) => channel.id === id)?.label ?? id;
}

/** A campaign's name, or a short form of its id when it is not in the list. */
export function campaignName(campaigns: CampaignSummary[] | undefined, id: string): string {
  return campaigns?.find((campaign) => campaign.id === id)?.name ?? `Campaign ${id.slice(0, 8)}`;
}
