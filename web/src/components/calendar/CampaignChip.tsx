import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { DragEvent } from 'react';
import { Link } from 'wouter';
import type { Campaign } from '../../types/approvals.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import type { DeliveryGroup } from './calendar-data.ts';
import { DeliveryLine } from './DeliveryLine.tsx';
import type { DayKey } from './dates.ts';
import { MoveCampaign } from './MoveCampaign.tsx';

/** The drag payload: the id of the campaign being moved. */
export const CAMPAIGN_MIME = 'application/x-toombos-campaign';

/** A campaign on its day: time, state, link, its deliveries of that day; movable when scheduled. */
export function CampaignChip({
  campaign,
  day,
  time,
  deliveries,
  movable,
  onMove,
}: {
  campaign: Campaign;
  day: DayKey;
  time: string;
  deliveries: readonly DeliveryGroup[];
  movable: boolean;
  onMove: (campaign: Campaign, day: DayKey) => void;
}) {
  function dragStart(event: DragEvent) {
    event.dataTransfer.setData(CAMPAIGN_MIME, campaign.id);
    event.dataTransfer.setData('text/plain', campaign.name);
    event.dataTransfer.effectAllowed = 'move';
  }

  return (
    <Paper
      withBorder
      p={6}
      radius="sm"
      draggable={movable}
      onDragStart={movable ? dragStart : undefined}
      style={movable ? { cursor: 'grab' } : undefined}
      title={movable ? 'Drag to another day to reschedule' : undefined}
    >
      <Stack gap={2}>
        <Group gap={4} justify="space-between" wrap="wrap">
          <Text size="xs" fw={600}>
            <time dateTime={campaign.scheduledAt ?? undefined}>{time}</time>
          </Text>
          <StatusBadge status={campaign.state} />
        </Group>
        <Anchor
          component={Link}
          href={`/campaigns/${campaign.id}`}
          size="sm"
          fw={600}
          draggable={false}
          style={{ overflowWrap: 'anywhere' }}
        >
          {campaign.name}
        </Anchor>
        {deliveries.map((group) => (
          <DeliveryLine key={group.key} group={group} />
        ))}
        {movable ? (
          <Group>
            <MoveCampaign campaign={campaign} day={day} onMove={onMove} />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
