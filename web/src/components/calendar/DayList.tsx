import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import type { Campaign } from '../../types/approvals.ts';
import type { CalendarDay } from './calendar-data.ts';
import { DayEvents } from './DayEvents.tsx';
import { DropDay } from './DropDay.tsx';
import { type DayKey, formatDay } from './dates.ts';

/** The days of the period that have something, as a list: for screens too narrow for seven columns. */
export function DayList({
  dayKeys,
  today,
  days,
  campaignsById,
  zone,
  canMove,
  onMove,
}: {
  dayKeys: readonly DayKey[];
  today: DayKey;
  days: ReadonlyMap<DayKey, CalendarDay>;
  campaignsById: ReadonlyMap<string, Campaign>;
  zone: string;
  canMove: boolean;
  onMove: (campaign: Campaign, day: DayKey) => void;
}) {
  const busy = dayKeys.filter((day) => {
    const events = days.get(day);
    return events && (events.campaigns.length > 0 || events.deliveries.length > 0);
  });
  return (
    <Stack gap="sm">
      {busy.map((day) => (
        <Paper
          key={day}
          withBorder
          radius="md"
          p="xs"
          component="section"
          aria-label={formatDay(day, { dateStyle: 'full' })}
        >
          <DropDay day={day} campaignsById={campaignsById} onMove={onMove} minHeight={0}>
            <Group gap="xs" mb={6}>
              <Title order={3} size="h6">
                {formatDay(day, { weekday: 'long', month: 'long', day: 'numeric' })}
              </Title>
              {day === today ? (
                <Badge size="xs" radius="sm" variant="dot">
                  Today
                </Badge>
              ) : null}
            </Group>
            <DayEvents
              day={day}
              events={days.get(day)}
              campaignsById={campaignsById}
              zone={zone}
              canMove={canMove}
              onMove={onMove}
            />
          </DropDay>
        </Paper>
      ))}
    </Stack>
  );
}
