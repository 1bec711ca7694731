import { Card, ColorSwatch, Group, Skeleton, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { CHART_DAYS, noOutcomes, type OutcomeCounts, outcomes, sumOf } from './deliveryOutcomes.ts';
import { type ChartDay, OutcomeChart, outcomeColors } from './OutcomeChart.tsx';
import { useDeliveryStats } from './queries.ts';
import type { DeliveryStats } from './types.ts';

// The server's dates are calendar days in its zone: read and shown as such, never shifted.
const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

function chartDays(stats: DeliveryStats): ChartDay[] {
  return stats.days.map(({ date, ...counts }) => ({
    label: dayLabel.format(new Date(`${date}T00:00:00Z`)),
    counts,
  }));
}

function totalsOf(days: ChartDay[]): OutcomeCounts {
  const totals = noOutcomes();
  for (const day of days) for (const outcome of outcomes) totals[outcome] += day.counts[outcome];
  return totals;
}

/** The chart in one sentence, for the canvas's accessible name. */
function describe(days: ChartDay[], totals: OutcomeCounts): string {
  const busiest = days.reduce<ChartDay | null>(
    (best, day) => (sumOf(day.counts) > (best ? sumOf(best.counts) : 0) ? day : best),
    null,
  );
  const parts = outcomes.map((outcome) => `${totals[outcome]} ${outcome}`).join(', ');
  const peak = busiest ? `; the busiest day was ${busiest.label} (${sumOf(busiest.counts)})` : '';
  return `Deliveries per day over the last ${CHART_DAYS} days: ${parts}${peak}.`;
}

/** Deliveries sent, failed, cancelled and unknown per day over the last two weeks. */
export function DeliveryOutcomes() {
  const stats = useDeliveryStats();
  const data = stats.data;
  const days = useMemo(() => (data ? chartDays(data) : []), [data]);
  const totals = totalsOf(days);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="delivery-outcomes">
      <Title order={2} size="h3" id="delivery-outcomes" mb="xs">
        Deliveries, last {CHART_DAYS} days
      </Title>
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {stats.isPending ? <Skeleton height={272} /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            By the day each delivery settled, in {data.zone} time.
          </Text>
          <Group gap="lg" mb="xs" aria-hidden="true">
            {outcomes.map((outcome) => (
              <Group key={outcome} gap={6}>
                <ColorSwatch
                  color={`var(${outcomeColors[outcome]})`}
                  size={12}
                  withShadow={false}
                />
                <Text size="sm">
                  {outcome}: {totals[outcome]}
                </Text>
              </Group>
            ))}
          </Group>
          <OutcomeChart days={days} summary={describe(days, totals)} />
          <VisuallyHidden>
            <table>
              <caption>Deliveries per day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {outcomes.map((outcome) => (
                    <th key={outcome} scope="col">
                      {outcome}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {days.map((day) => (
                  <tr key={day.label}>
                    <th scope="row">{day.label}</th>
                    {outcomes.map((outcome) => (
                      <td key={outcome}>{day.counts[outcome]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </>
      ) : null}
    </Card>
  );
}
