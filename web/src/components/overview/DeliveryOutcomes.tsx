import { Card, ColorSwatch, Group, Skeleton, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import {
  CHART_DAYS,
  chartStart,
  dayKey,
  noOutcomes,
  type OutcomeCounts,
  type OutcomeLog,
  outcomes,
  sumOf,
  useDeliveryOutcomes,
} from './deliveryOutcomes.ts';
import { type ChartDay, OutcomeChart, outcomeColors } from './OutcomeChart.tsx';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

function chartDays(log: OutcomeLog, today: string): ChartDay[] {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  const first = chartStart(new Date(year, month - 1, day));
  return Array.from({ length: CHART_DAYS }, (_, index) => {
    const date = new Date(first.getFullYear(), first.getMonth(), first.getDate() + index);
    return {
      label: dayLabel.format(date),
      counts: log.byDay[dayKey(date)] ?? noOutcomes(),
    };
  });
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

/** Deliveries sent, failed and cancelled per day over the last two weeks. */
export function DeliveryOutcomes() {
  const outcomeLog = useDeliveryOutcomes();
  const today = dayKey(new Date());
  const log = outcomeLog.data;
  const days = useMemo(() => (log ? chartDays(log, today) : []), [log, today]);
  const totals = totalsOf(days);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="delivery-outcomes">
      <Title order={2} size="h3" id="delivery-outcomes" mb="xs">
        Deliveries, last {CHART_DAYS} days
      </Title>
      {outcomeLog.isError ? <ErrorAlert error={outcomeLog.error} /> : null}
      {outcomeLog.isPending ? <Skeleton height={272} /> : null}
      {log ? (
        <>
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
          {log.complete ? null : (
            <Text size="sm" c="dimmed" mt="xs">
              Still reading the event log: the numbers grow until it is read.
            </Text>
          )}
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
