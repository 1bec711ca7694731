import { useQuery } from '@tanstack/react-query';
import { ApiError, get, type Problem } from '../../api.ts';
import { readAllPages } from '../sources/readAllPages.ts';
import { lastPositionQuery, latestEvents } from './eventLog.ts';
import type { Campaign, Delivery, Readiness } from './types.ts';

/**
 * Every campaign: `GET /v1/campaigns` neither filters by state nor lists newest first, so what is
 * scheduled next and what failed are picked from the whole list.
 */
export function useAllCampaigns() {
  return useQuery({
    queryKey: ['overview', 'campaigns'],
    queryFn: () => readAllPages<Campaign>('/v1/campaigns'),
  });
}

/** Every failed delivery (listed oldest first). */
export function useFailedDeliveries() {
  return useQuery({
    queryKey: ['overview', 'failed-deliveries'],
    queryFn: () => readAllPages<Delivery>('/v1/deliveries', { status: 'failed' }),
  });
}

/** A 503's body is the same report (its `status` then says `unavailable`). */
function readinessOf(problem: Problem): Readiness | null {
  if (
    !Array.isArray(problem.failing) ||
    typeof problem.checks !== 'object' ||
    problem.checks === null
  )
    return null;
  return {
    status: 'unavailable',
    failing: problem.failing.filter((name) => typeof name === 'string'),
    checks: problem.checks as Readiness['checks'],
  };
}

/** Readiness, also when the server answers 503: that is the health report, not a failed request. */
export function useReadiness() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      try {
        return await get<Readiness>('/health/ready');
      } catch (error) {
        const report = error instanceof ApiError ? readinessOf(error.problem) : null;
        if (report) return report;
        throw error;
      }
    },
    refetchInterval: 15_000,
  });
}

/**
 * The latest events when the page opened; the live stream brings the ones after. Its key root
 * (`events`) is not one the stream invalidates: nothing here needs reading again while it is shown.
 */
export function useLatestEvents(count: number) {
  return useQuery({
    queryKey: ['events', 'latest', count],
    queryFn: async ({ client }) => latestEvents(count, await client.fetchQuery(lastPositionQuery)),
    refetchOnWindowFocus: false,
  });
}
