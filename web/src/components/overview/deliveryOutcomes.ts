import { useQuery } from '@tanstack/react-query';
import { get, query } from '../../api.ts';
import type { WorkspaceEvent } from '../../events.tsx';
import type { Page } from '../../types/sources.ts';
import { lastPositionQuery, positionAt } from './eventLog.ts';

export const outcomes = ['sent', 'failed', 'cancelled'] as const;
export type Outcome = (typeof outcomes)[number];
export type OutcomeCounts = Record<Outcome, number>;

export const noOutcomes = (): OutcomeCounts => ({ sent: 0, failed: 0, cancelled: 0 });
export const sumOf = (counts: OutcomeCounts): number =>
  outcomes.reduce((total, outcome) => total + counts[outcome], 0);

export const CHART_DAYS = 14;
const PAGES_PER_READ = 25;

/** Delivery outcomes by local day (`YYYY-MM-DD`), read from the event log up to `position`. */
export interface OutcomeLog {
  position: number;
  byDay: Record<string, OutcomeCounts>;
  /** False while older events are still to be read (the next read goes on from `position`). */
  complete: boolean;
}

export function dayKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Midnight, local time, `CHART_DAYS - 1` days before today: the chart's first day. */
export function chartStart(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - (CHART_DAYS - 1));
}

/**
 * Reads the outcome events after the previous read (the first read starts at the chart's first
 * day), so the live stream's invalidations cost one small request each.
 */
async function readOutcomes(
  previous: OutcomeLog | undefined,
  last: () => Promise<number>,
): Promise<OutcomeLog> {
  let position = previous?.position ?? (await positionAt(chartStart(new Date()), await last()));
  const byDay = structuredClone(previous?.byDay ?? {});
  for (let page = 0; page < PAGES_PER_READ; page++) {
    const answer = await get<Page<WorkspaceEvent>>(
      `/v1/events${query({ type: outcomes.map((outcome) => `delivery.${outcome}`).join(','), since: position, limit: 200 })}`,
    );
    for (const event of answer.data) {
      const outcome = outcomes.find((name) => event.type === `delivery.${name}`);
      const day = dayKey(new Date(event.createdAt));
      const counts = byDay[day] ?? noOutcomes();
      if (outcome) counts[outcome] += 1;
      byDay[day] = counts;
      position = Number(event.id);
    }
    if (answer.next_cursor === null) return { position, byDay, complete: true };
  }
  return { position, byDay, complete: false };
}

/** Deliveries sent, failed and cancelled per day, kept up to date by the event stream. */
export function useDeliveryOutcomes() {
  return useQuery({
    queryKey: ['overview', 'delivery-outcomes'],
    queryFn: ({ client, queryKey }) =>
      readOutcomes(client.getQueryData<OutcomeLog>(queryKey), () =>
        client.fetchQuery(lastPositionQuery),
      ),
    // A long history is read a slice at a time; keep going until the end.
    refetchInterval: (current) => (current.state.data?.complete === false ? 500 : false),
  });
}
