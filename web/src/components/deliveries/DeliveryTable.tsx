import { Anchor, Box, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { DeliveryDetails } from './DeliveryDetails.tsx';
import {
  batchText,
  DeliveryError,
  type DeliveryView,
  deliveryName,
  RemoteLink,
  sentAt,
} from './DeliveryFacts.tsx';
import { DetailsToggle } from './DetailsToggle.tsx';
import { RetryAnswer, RetryButton, useRetry } from './retry.tsx';

const COLUMNS = 8;

/** Deliveries as a table (wider screens); each row expands to its attempts. */
export function DeliveryTable({ views }: { views: DeliveryView[] }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Campaign</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>Connection (batch)</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Scheduled / sent</Table.Th>
            <Table.Th>Attempts</Table.Th>
            <Table.Th>The destination's error</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {views.map((view) => (
            <DeliveryRow key={view.delivery.id} view={view} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeliveryRow({ view }: { view: DeliveryView }) {
  const [expanded, setExpanded] = useState(false);
  const { delivery } = view;
  const retry = useRetry(delivery);
  const detailsId = `delivery-${delivery.id}-details`;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Anchor component={Link} href={`/campaigns/${delivery.campaignId}`} size="sm">
            {view.campaign}
          </Anchor>
        </Table.Td>
        <Table.Td>{view.channel}</Table.Td>
        <Table.Td>
          {view.connection}
          {batchText(delivery) ? <Text size="xs">{batchText(delivery)}</Text> : null}
        </Table.Td>
        <Table.Td>
          <Box w="max-content">
            <StatusBadge status={delivery.state} />
          </Box>
        </Table.Td>
        <Table.Td>
          <Box w="max-content">
            <div>
              <VisuallyHidden>Scheduled: </VisuallyHidden>
              {formatDateTime(delivery.dueAt)}
            </div>
            <div>
              <VisuallyHidden>Sent: </VisuallyHidden>
              {formatDateTime(sentAt(delivery))}
            </div>
          </Box>
        </Table.Td>
        <Table.Td>{delivery.attempts.length}</Table.Td>
        <Table.Td miw={200}>
          <DeliveryError delivery={delivery} />
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            <DetailsToggle
              label={deliveryName(view)}
              expanded={expanded}
              controls={detailsId}
              onToggle={() => setExpanded((open) => !open)}
            />
            {delivery.remoteUrl ? <RemoteLink view={view} href={delivery.remoteUrl} /> : null}
            <RetryButton delivery={delivery} retry={retry} label={deliveryName(view)} />
          </Stack>
        </Table.Td>
      </Table.Tr>
      {retry.isError || retry.data ? (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <RetryAnswer retry={retry} />
          </Table.Td>
        </Table.Tr>
      ) : null}
      {expanded ? (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={COLUMNS}>
            <DeliveryDetails id={delivery.id} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
