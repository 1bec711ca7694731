import { Alert, Skeleton, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api.ts';
import { CalendarGrid } from '../components/calendar/CalendarGrid.tsx';
import { CalendarToolbar, type CalendarView } from '../components/calendar/CalendarToolbar.tsx';
import {
  placeByDay,
  useCalendarItems,
  useWorkspace,
} from '../components/calendar/calendar-data.ts';
import { DayList } from '../components/calendar/DayList.tsx';
import {
  addDays,
  addMonths,
  type DayKey,
  dayInZone,
  formatDay,
  formatDayRange,
  monthWeeks,
  weekOf,
} from '../components/calendar/dates.ts';
import { useMoveCampaign } from '../components/calendar/reschedule.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime } from '../format.ts';
import { can, useSession } from '../session.tsx';
import type { Campaign } from '../types/approvals.ts';

/** Scheduled and published campaigns and their deliveries by day, in the workspace's zone. */
export default function CalendarPage() {
  const { data: session } = useSession();
  const workspace = useWorkspace();
  const { campaigns, deliveries } = useCalendarItems();
  const canMove = can(session, 'publish');
  const zone = workspace.data?.timeZone ?? null;
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState<DayKey | null>(null);
  const narrow = useMediaQuery('(max-width: 75em)', false, { getInitialValueInEffect: false });
  const move = useMoveCampaign(zone ?? 'UTC');

  const today = zone ? dayInZone(new Date(), zone) : null;
  const shown = anchor ?? today;
  const weeks = shown ? (view === 'week' ? [weekOf(shown)] : monthWeeks(shown)) : [];
  const first = weeks[0]?.[0];
  const last = weeks.at(-1)?.at(-1);
  const title =
    !shown || !first || !last
      ? 'Calendar'
      : view === 'week'
        ? formatDayRange(first, last)
        : formatDay(shown, { month: 'long', year: 'numeric' });

  const days = useMemo(
    () => (zone ? placeByDay(campaigns.data ?? [], deliveries.data ?? [], zone) : new Map()),
    [campaigns.data, deliveries.data, zone],
  );
  const campaignsById = useMemo(
    () => new Map((campaigns.data ?? []).map((campaign) => [campaign.id, campaign])),
    [campaigns.data],
  );
  const visible = weeks
    .flat()
    .filter((day) => view === 'week' || day.startsWith(shown?.slice(0, 7) ?? ''));
  const empty = visible.every((day) => !days.get(day));
  const ready = zone !== null && today !== null && campaigns.isSuccess && deliveries.isSuccess;

  function step(direction: -1 | 1) {
    if (!shown) return;
    setAnchor(view === 'week' ? addDays(shown, 7 * direction) : addMonths(shown, direction));
  }

  function onMove(campaign: Campaign, day: DayKey) {
    if (zone && campaign.scheduledAt && dayInZone(campaign.scheduledAt, zone) === day) return;
    move.mutate(
      { campaign, day },
      {
        // The chip was drawn again on its new day: keyboard users continue from its Move button.
        onSuccess: () =>
          requestAnimationFrame(() =>
            document
              .querySelector<HTMLButtonElement>(`[data-move-campaign="${campaign.id}"]`)
              ?.focus(),
          ),
      },
    );
  }

  return (
    <>
      <PageHeader
        title="Calendar"
        description={
          canMove
            ? 'Scheduled and published campaigns and their deliveries. Drag a scheduled campaign to another day, or use its Move button, to reschedule it.'
            : 'Scheduled and published campaigns and their deliveries.'
        }
      />
      <CalendarToolbar
        title={title}
        zone={zone}
        view={view}
        onView={setView}
        onPrevious={() => step(-1)}
        onToday={() => setAnchor(null)}
        onNext={() => step(1)}
      />
      {move.isSuccess ? (
        <Alert
          color="green"
          role="status"
          mb="sm"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => move.reset()}
        >
          “{move.variables.campaign.name}” now goes out{' '}
          {formatDateTime(move.data.scheduledAt, zone ?? undefined)}.
        </Alert>
      ) : null}
      {move.isError ? (
        <Alert
          color="red"
          role="alert"
          mb="sm"
          title={`“${move.variables.campaign.name}” was not moved`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => move.reset()}
        >
          {errorMessage(move.error)}
        </Alert>
      ) : null}
      {move.isPending ? (
        <Text role="status" size="sm" mb="sm">
          Moving “{move.variables.campaign.name}”…
        </Text>
      ) : null}
      {workspace.isError ? <ErrorAlert error={workspace.error} /> : null}
      {campaigns.isError ? <ErrorAlert error={campaigns.error} /> : null}
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      {!ready || !zone || !today ? (
        <Skeleton height={view === 'week' ? 340 : 620} radius="md" />
      ) : (
        <>
          {empty ? <Text mb="sm">Nothing is scheduled or published in this period.</Text> : null}
          {narrow ? (
            <DayList
              dayKeys={visible}
              today={today}
              days={days}
              campaignsById={campaignsById}
              zone={zone}
              canMove={canMove}
              onMove={onMove}
            />
          ) : (
            <CalendarGrid
              label={`Calendar: ${title}`}
              weeks={weeks}
              month={view === 'month' ? (shown?.slice(0, 7) ?? null) : null}
              today={today}
              days={days}
              campaignsById={campaignsById}
              zone={zone}
              canMove={canMove}
              onMove={onMove}
            />
          )}
        </>
      )}
    </>
  );
}
