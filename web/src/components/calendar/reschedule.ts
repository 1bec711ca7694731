import { useMutation, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api.ts';
import type { Campaign, CampaignWithDrafts, Delivery } from '../../types/approvals.ts';
import { fetchAllPages } from '../approvals/fetch-all-pages.ts';
import { addDays, type DayKey, dayInZone, daysBetween } from './dates.ts';

export interface MoveRequest {
  campaign: Campaign;
  /** The day it should go out on, in the calendar's (workspace) zone. */
  day: DayKey;
}

/**
 * Reschedules a scheduled campaign to another day at the same local time in its own schedule
 * zone. A schedule call replaces the whole schedule, so the channel offsets, the connections its
 * deliveries use and the send-by window (moved by the same days) are sent again with it.
 */
export function useMoveCampaign(calendarZone: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ campaign, day }: MoveRequest) => {
      if (!campaign.scheduledAt || !campaign.scheduledLocal) {
        throw new Error(`“${campaign.name}” has no schedule to move.`);
      }
      const shift = daysBetween(dayInZone(campaign.scheduledAt, calendarZone), day);
      // A time already past would publish at once: that is never what a drag means.
      if (Date.parse(campaign.scheduledAt) + shift * 86_400_000 <= Date.now()) {
        throw new Error('That day and time have already passed: pick a later day.');
      }
      const localDay = addDays(campaign.scheduledLocal.slice(0, 10), shift);
      const localTime = campaign.scheduledLocal.slice(11, 19);
      const [full, deliveries] = await Promise.all([
        get<CampaignWithDrafts>(`/v1/campaigns/${campaign.id}`),
        fetchAllPages<Delivery>('/v1/deliveries', { campaign: campaign.id }),
      ]);
      // Dry-run drafts always go to the sandbox: their deliveries say nothing of the channel's choice.
      const dryRun = new Set(full.drafts.filter((draft) => draft.dryRun).map((draft) => draft.id));
      const connections = Object.fromEntries(
        deliveries
          .filter((delivery) => !dryRun.has(delivery.draftId))
          .map((delivery) => [delivery.channel, delivery.connectionId]),
      );
      return post<Campaign>(`/v1/campaigns/${campaign.id}/schedule`, {
        at: `${localDay}T${localTime}`,
        zone: campaign.scheduleZone ?? calendarZone,
        offsets: campaign.channelOffsets,
        connections,
        ...(campaign.sendBy
          ? { sendBy: new Date(Date.parse(campaign.sendBy) + shift * 86_400_000).toISOString() }
          : {}),
      });
    },
    onSettled: async (_answer, _error, { campaign }) => {
      await Promise.all(
        [['calendar'], ['campaigns'], ['campaign', campaign.id], ['deliveries']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
