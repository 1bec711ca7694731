import { Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type { OutboxMessage, Page } from '../../types/deliveries.ts';
import {
  campaignName,
  channelLabel,
  useCampaignNames,
  useChannels,
} from '../deliveries/lookups.ts';
import type { Filters } from '../deliveries/useUrlFilters.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { OutboxEntry } from './OutboxEntry.tsx';

// Each entry carries a whole email or article: small pages.
const PAGE_SIZE = 20;

/** The outbox, oldest first as the API lists it, a page at a time. */
export function OutboxList({ filters }: { filters: Filters }) {
  const campaigns = useCampaignNames();
  const channels = useChannels();
  const list = useInfiniteQuery({
    queryKey: ['outbox', filters],
    queryFn: ({ pageParam }) =>
      get<Page<OutboxMessage>>(
        `/v1/outbox${query({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

  if (list.isPending) return <Skeleton height={640} />;
  if (list.isLoadingError) return <ErrorAlert error={list.error} />;

  const entries = list.data.pages.flatMap((page) => page.data);
  if (entries.length === 0)
    return (
      <Text py="xl" ta="center">
        {Object.keys(filters).length > 0
          ? 'Nothing in the outbox matches these filters.'
          : 'Nothing in the outbox yet. Channels published without a named connection go to their sandbox, which “sends” here: each message appears exactly as it would have gone out.'}
      </Text>
    );

  return (
    <Stack gap="md">
      {entries.map((entry) => (
        <OutboxEntry
          key={entry.id}
          entry={entry}
          channel={channelLabel(channels.data, entry.channel)}
          campaign={campaignName(campaigns.data, entry.campaignId)}
        />
      ))}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <LoadMore
        hasNextPage={list.hasNextPage}
        fetching={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </Stack>
  );
}
