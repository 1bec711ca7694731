import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import type { Campaign, Delivery, Workspace } from '../../types/approvals.ts';
import { fetchAllPages } from '../approvals/fetch-all-pages.ts';
import { type DayKey, dayInZone, timeInZone } from './dates.ts';

/** Campaign states that have a place in time: scheduled, going out, or gone out. */
const scheduledStates = new Set([
  'scheduled',
  'publishing',
  'published',
  'partially_failed',
  'failed',
  'cancelled',
]);

/** A campaign's deliveries of one day, channel, state and time (CRM batches counted together). */
export interface DeliveryGroup {
  key: string;
  campaignId: string;
  channel: string;
  state: string;
  dueAt: string;
  time: string;
  count: number;
}

export interface CalendarDay {
  campaigns: Campaign[];
  deliveries: DeliveryGroup[];
}

export function useWorkspace() {
  return useQuery({
    queryKey: ['workspace'],
    queryFn: () => get<Workspace>('/v1/workspace'),
    staleTime: 60_000,
  });
}

/**
 * Every campaign and every delivery: the list routes filter by neither date nor campaign state,
 * so the calendar reads all pages once and places them itself (moving between periods needs no
 * new request).
 */
export function useCalendarItems() {
  const campaigns = useQuery({
    queryKey: ['calendar', 'campaigns'],
    queryFn: () => fetchAllPages<Campaign>('/v1/campaigns'),
  });
  const deliveries = useQuery({
    queryKey: ['calendar', 'deliveries'],
    queryFn: () => fetchAllPages<Delivery>('/v1/deliveries'),
  });
  return { campaigns, deliveries };
}

/** Campaigns by the day of their `scheduledAt`, deliveries by the day of their `dueAt`, in `zone`. */
export function placeByDay(
  campaigns: readonly Campaign[],
  deliveries: readonly Delivery[],
  zone: string,
): Map<DayKey, CalendarDay> {
  const days = new Map<DayKey, CalendarDay>();
  const dayOf = (key: DayKey) => {
    let day = days.get(key);
    if (!day) {
      day = { campaigns: [], deliveries: [] };
      days.set(key, day);
    }
    return day;
  };
  const scheduled = campaigns
    .filter((campaign) => campaign.scheduledAt !== null && scheduledStates.has(campaign.state))
    .sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
  for (const campaign of scheduled) {
    if (campaign.scheduledAt) dayOf(dayInZone(campaign.scheduledAt, zone)).campaigns.push(campaign);
  }
  const groups = new Map<string, DeliveryGroup & { day: DayKey }>();
  for (const delivery of deliveries) {
    const time = timeInZone(delivery.dueAt, zone);
    const day = dayInZone(delivery.dueAt, zone);
    const key = [day, delivery.campaignId, delivery.channel, delivery.state, time].join('|');
    const group = groups.get(key);
    if (group) group.count += 1;
    else
      groups.set(key, {
        key,
        day,
        campaignId: delivery.campaignId,
        channel: delivery.channel,
        state: delivery.state,
        dueAt: delivery.dueAt,
        time,
        count: 1,
      });
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.dueAt.localeCompare(b.dueAt) || a.channel.localeCompare(b.channel),
  );
  for (const { day, ...group } of sorted) dayOf(day).deliveries.push(group);
  return days;
}
