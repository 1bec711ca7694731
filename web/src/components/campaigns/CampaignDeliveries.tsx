import { Anchor, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { get, query } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Channel, Delivery, Page } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { channelLabel } from './labels.ts';

const LIMIT = 100;

/** The campaign's deliveries (first 100), and the way to all of them on the Deliveries page. */
export function CampaignDeliveries({
  campaignId,
  channels,
}: {
  campaignId: string;
  channels: Map<string, Channel> | undefined;
}) {
  const deliveries = useQuery({
    queryKey: ['deliveries', { campaign: campaignId, limit: LIMIT }],
    queryFn: () =>
      get<Page<Delivery>>(`/v1/deliveries${query({ campaign: campaignId, limit: LIMIT })}`),
  });
  const all = `/deliveries?campaign=${campaignId}`;
  if (deliveries.isPending) return <Skeleton height={80} />;
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} />;
  const rows = deliveries.data.data;
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No deliveries yet: they are made when the campaign is scheduled or published.
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Error</Table.Th>
              <Table.Th>Published at</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{channelLabel(channels, delivery.channel)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={delivery.state} />
                </Table.Td>
                <Table.Td>{formatDateTime(delivery.dueAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {delivery.error?.message ?? delivery.reason ?? '—'}
                </Table.Td>
                <Table.Td>
                  {delivery.remoteUrl ? (
                    <Anchor
                      href={delivery.remoteUrl}
                      target="_blank"
                      rel="noreferrer"
                      size="sm"
                      aria-label={`Open the published ${channelLabel(channels, delivery.channel)}`}
                    >
                      Open
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Anchor component={Link} href={all} size="sm">
        {deliveries.data.next_cursor ? 'All deliveries of this campaign' : 'Open in Deliveries'}
      </Anchor>
    </>
  );
}
