import { Button, Group, SegmentedControl, Text, Title } from '@mantine/core';

export type CalendarView = 'week' | 'month';

/** The period's title, the time zone days are read in, and the controls that change the period. */
export function CalendarToolbar({
  title,
  zone,
  view,
  onView,
  onPrevious,
  onToday,
  onNext,
}: {
  title: string;
  zone: string | null;
  view: CalendarView;
  onView: (view: CalendarView) => void;
  onPrevious: () => void;
  onToday: () => void;
  onNext: () => void;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="md">
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {zone
            ? `Days and times in ${zone.replaceAll('_', ' ')} (the workspace’s time zone)`
            : '…'}
        </Text>
      </div>
      <Group gap="xs" wrap="wrap">
        <SegmentedControl
          aria-label="Calendar view"
          value={view}
          onChange={(value) => onView(value === 'month' ? 'month' : 'week')}
          data={[
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
        />
        <Group gap={4} wrap="nowrap">
          <Button variant="default" onClick={onPrevious}>
            Previous
          </Button>
          <Button variant="default" onClick={onToday}>
            Today
          </Button>
          <Button variant="default" onClick={onNext}>
            Next
          </Button>
        </Group>
      </Group>
    </Group>
  );
}
