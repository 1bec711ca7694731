import { Stack } from '@mantine/core';
import type { Campaign } from '../../types/approvals.ts';
import { CampaignChip } from './CampaignChip.tsx';
import type { CalendarDay } from './calendar-data.ts';
import { DeliveryLine } from './DeliveryLine.tsx';
import type { DayKey } from './dates.ts';
import { timeInZone } from './dates.ts';

/**
 * What happens on one day: each campaign scheduled then with its deliveries of the day, then the
 * deliveries of campaigns scheduled on another day (staged channels, retries).
 */
export function DayEvents({
  day,
  events,
  campaignsById,
  zone,
  canMove,
  onMove,
}: {
  day: DayKey;
  events: CalendarDay | undefined;
  campaignsById: ReadonlyMap<string, Campaign>;
  zone: string;
  canMove: boolean;
  onMove: (campaign: Campaign, day: DayKey) => void;
}) {
  if (!events) return null;
  const here = new Set(events.campaigns.map((campaign) => campaign.id));
  const others = events.deliveries.filter((group) => !here.has(group.campaignId));
  return (
    <Stack gap={4}>
      {events.campaigns.map((campaign) => (
        <CampaignChip
          key={campaign.id}
          campaign={campaign}
          day={day}
          time={campaign.scheduledAt ? timeInZone(campaign.scheduledAt, zone) : ''}
          deliveries={events.deliveries.filter((group) => group.campaignId === campaign.id)}
          movable={canMove && campaign.state === 'scheduled'}
          onMove={onMove}
        />
      ))}
      {others.map((group) => (
        <DeliveryLine
          key={group.key}
          group={group}
          campaignName={campaignsById.get(group.campaignId)?.name ?? 'a campaign'}
        />
      ))}
    </Stack>
  );
}
