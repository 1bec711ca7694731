import { Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { get, query } from '../../api.ts';
import type { ConnectionSummary, Delivery, Page } from '../../types/deliveries.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { DeliveryCard } from './DeliveryCard.tsx';
import type { DeliveryView } from './DeliveryFacts.tsx';
import { DeliveryTable } from './DeliveryTable.tsx';
import {
  campaignName,
  channelLabel,
  useCampaignNames,
  useChannels,
  useConnectionNames,
} from './lookups.ts';
import type { Filters } from './useUrlFilters.ts';

const PAGE_SIZE = 50;

/** The filtered deliveries, oldest first as the API lists them, a page at a time. */
export function DeliveryList({ filters }: { filters: Filters }) {
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const campaigns = useCampaignNames();
  const connections = useConnectionNames();
  const channels = useChannels();
  const list = useInfiniteQuery({
    queryKey: ['deliveries', filters],
    queryFn: ({ pageParam }) =>
      get<Page<Delivery>>(
        `/v1/deliveries${query({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });

  // A sandbox connection made on a channel's first publish announces no event: a delivery naming
  // a connection the list lacks, and newer than that list, reloads it (once: then it is newer).
  const unknownConnection = list.data?.pages.some((page) =>
    page.data.some((delivery) => !connections.data?.some((c) => c.id === delivery.connectionId)),
  );
  const stale = connections.isSuccess && connections.dataUpdatedAt < list.dataUpdatedAt;
  useEffect(() => {
    if (unknownConnection && stale) void connections.refetch();
  }, [unknownConnection, stale, connections.refetch]);

  if (list.isPending) return <Skeleton height={phone ? 480 : 320} />;
  if (list.isLoadingError) return <ErrorAlert error={list.error} />;

  const views: DeliveryView[] = list.data.pages.flatMap((page) =>
    page.data.map((delivery) => ({
      delivery,
      campaign: campaignName(campaigns.data, delivery.campaignId),
      channel: channelLabel(channels.data, delivery.channel),
      connection: connectionLabel(connections.data, delivery.connectionId),
    })),
  );
  if (views.length === 0)
    return (
      <Text py="xl" ta="center">
        {Object.keys(filters).length > 0
          ? 'No deliveries match these filters.'
          : 'No deliveries yet. Publishing or scheduling an approved campaign makes one per channel.'}
      </Text>
    );

  return (
    <Stack gap="md">
      {connections.isError ? (
        <ErrorAlert error={connections.error} title="The connections' names did not load" />
      ) : null}
      {phone ? (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label="Deliveries"
        >
          {views.map((view) => (
            <DeliveryCard key={view.delivery.id} view={view} />
          ))}
        </Stack>
      ) : (
        <DeliveryTable views={views} />
      )}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <LoadMore
        hasNextPage={list.hasNextPage}
        fetching={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </Stack>
  );
}

/** "Sandbox" for the outbox connection, otherwise the connection's name. */
function connectionLabel(connections: ConnectionSummary[] | undefined, id: string): string {
  const connection = connections?.find((candidate) => candidate.id === id);
  if (!connection) return '—';
  return connection.provider === 'sandbox' ? 'Sandbox' : connection.name;
}
