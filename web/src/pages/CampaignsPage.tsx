import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { get, query } from '../api.ts';
import { CampaignsTable } from '../components/campaigns/CampaignsTable.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { can, useSession } from '../session.tsx';
import type { Campaign, Page } from '../types/campaigns.ts';

const PAGE_SIZE = 50;

export default function CampaignsPage() {
  const { data: session } = useSession();
  const campaigns = useInfiniteQuery({
    queryKey: ['campaigns', { limit: PAGE_SIZE }],
    queryFn: ({ pageParam }) =>
      get<Page<Campaign>>(`/v1/campaigns${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const rows = campaigns.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Oldest first. Each campaign drafts items of a source for its channels, then is approved and published."
        actions={
          can(session, 'write') ? (
            <Button component={Link} href="/campaigns/new">
              New campaign
            </Button>
          ) : null
        }
      />
      {campaigns.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading campaigns">
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={40} />
          ))}
        </Stack>
      ) : !campaigns.data ? (
        <ErrorAlert error={campaigns.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">No campaigns yet. Start one from a source with “New campaign”.</Text>
      ) : (
        <>
          <CampaignsTable campaigns={rows} />
          <LoadMore
            hasNextPage={campaigns.hasNextPage}
            fetching={campaigns.isFetchingNextPage}
            onLoad={() => void campaigns.fetchNextPage()}
          />
        </>
      )}
      {campaigns.isError && campaigns.data ? <ErrorAlert error={campaigns.error} /> : null}
    </>
  );
}
