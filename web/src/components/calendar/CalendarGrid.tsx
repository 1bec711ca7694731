import { Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Campaign } from '../../types/approvals.ts';
import type { CalendarDay } from './calendar-data.ts';
import { DayEvents } from './DayEvents.tsx';
import { DropDay } from './DropDay.tsx';
import { type DayKey, formatDay } from './dates.ts';

/** Weeks as rows of seven days, Monday first; days outside the shown month are shaded. */
export function CalendarGrid({
  label,
  weeks,
  month,
  today,
  days,
  campaignsById,
  zone,
  canMove,
  onMove,
}: {
  label: string;
  weeks: DayKey[][];
  /** `YYYY-MM` of the month shown; null in week view. */
  month: string | null;
  today: DayKey;
  days: ReadonlyMap<DayKey, CalendarDay>;
  campaignsById: ReadonlyMap<string, Campaign>;
  zone: string;
  canMove: boolean;
  onMove: (campaign: Campaign, day: DayKey) => void;
}) {
  const header = weeks[0] ?? [];
  const minHeight = month ? 96 : 280;
  return (
    <Table
      aria-label={label}
      withTableBorder
      withColumnBorders
      layout="fixed"
      verticalSpacing={0}
      horizontalSpacing={0}
    >
      <Table.Thead>
        <Table.Tr>
          {header.map((day) => (
            <Table.Th key={day} scope="col" ta="center" py={6}>
              {formatDay(day, { weekday: 'short' })}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={week[0]}>
            {week.map((day) => {
              const outside = month !== null && !day.startsWith(month);
              return (
                <Table.Td
                  key={day}
                  style={{
                    verticalAlign: 'top',
                    background: outside ? 'var(--mantine-color-default-hover)' : undefined,
                  }}
                >
                  <DropDay
                    day={day}
                    campaignsById={campaignsById}
                    onMove={onMove}
                    minHeight={minHeight}
                  >
                    <Group gap={4} mb={4} wrap="nowrap">
                      <Text size="sm" fw={day === today ? 700 : 400} aria-hidden>
                        {day.endsWith('-01') || (month === null && day === week[0])
                          ? formatDay(day, { month: 'short', day: 'numeric' })
                          : formatDay(day, { day: 'numeric' })}
                      </Text>
                      <VisuallyHidden>{formatDay(day, { dateStyle: 'full' })}</VisuallyHidden>
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
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
