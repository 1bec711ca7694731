import { Anchor, Card, Group, SimpleGrid, Stack } from '@mantine/core';
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
import { Fact } from './Fact.tsx';
import { RetryAnswer, RetryButton, useRetry } from './retry.tsx';

/** One delivery as a card (phones): the table's columns as labelled facts. */
export function DeliveryCard({ view }: { view: DeliveryView }) {
  const [expanded, setExpanded] = useState(false);
  const { delivery } = view;
  const retry = useRetry(delivery);
  const detailsId = `delivery-${delivery.id}-details`;
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} href={`/campaigns/${delivery.campaignId}`} fw={600}>
            {view.campaign}
          </Anchor>
          <StatusBadge status={delivery.state} />
        </Group>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <Fact label="Channel">{view.channel}</Fact>
          <Fact label="Connection">{view.connection}</Fact>
          {batchText(delivery) ? <Fact label="Batch">{batchText(delivery)}</Fact> : null}
          <Fact label="Attempts">{delivery.attempts.length}</Fact>
          <Fact label="Scheduled">{formatDateTime(delivery.dueAt)}</Fact>
          <Fact label="Sent">{formatDateTime(sentAt(delivery))}</Fact>
        </SimpleGrid>
        {delivery.error || delivery.reason ? <DeliveryError delivery={delivery} /> : null}
        <Group gap="sm" align="flex-start">
          <DetailsToggle
            label={deliveryName(view)}
            expanded={expanded}
            controls={detailsId}
            onToggle={() => setExpanded((open) => !open)}
          />
          <RetryButton delivery={delivery} retry={retry} label={deliveryName(view)} />
          {delivery.remoteUrl ? <RemoteLink view={view} href={delivery.remoteUrl} /> : null}
        </Group>
        <RetryAnswer retry={retry} />
        {expanded ? (
          <div id={detailsId}>
            <DeliveryDetails id={delivery.id} />
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
