import { useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, get, type Problem, query } from '../../api.ts';
import type { WorkspaceEvent } from '../../events.tsx';
import type { Page } from '../../types/sources.ts';
import { CHART_DAYS } from './deliveryOutcomes.ts';
import type { Campaign, Delivery, DeliveryStats, Readiness } from './types.ts';

/** Scheduled campaigns are few: one page of them, which the card sorts by schedule. */
const SCHEDULED_PAGE = 200;
/** The latest campaigns, which name nearly everything the overview links to. */
const RECENT_CAMPAIGNS = 100;

/** Campaigns waiting for their time (`state=scheduled`), listed by creation. */
export function useScheduledCampaigns() {
  return useQuery({
    queryKey: ['overview', 'scheduled-campaigns'],
    queryFn: () =>
      get<Page<Campaign>>(`/v1/campaigns${query({ state: 'scheduled', limit: SCHEDULED_PAGE })}`),
  });
}

/** The latest campaigns that failed in whole or in part, newest first. */
export function useFailedCampaigns(count: number) {
  return useQuery({
    queryKey: ['overview', 'failed-campaigns', count],
    queryFn: () =>
      get<Page<Campaign>>(
        `/v1/campaigns${query({ state: 'failed,partially_failed', order: 'desc', limit: count })}`,
      ),
  });
}

/** The latest failed deliveries, newest first. */
export function useFailedDeliveries(count: number) {
  return useQuery({
    queryKey: ['overview', 'failed-deliveries', count],
    queryFn: () =>
      get<Page<Delivery>>(
        `/v1/deliveries${query({ status: 'failed', order: 'desc', limit: count })}`,
      ),
  });
}

/** Deliveries per day and final state over the last two weeks, in the workspace's time zone. */
export function useDeliveryStats() {
  return useQuery({
    queryKey: ['overview', 'delivery-stats', CHART_DAYS],
    queryFn: () => get<DeliveryStats>(`/v1/deliveries/stats${query({ days: CHART_DAYS })}`),
  });
}

/**
 * Names for campaign ids: the latest campaigns name nearly all of them in one request; an older
 * one is read by itself (a campaign's name never changes, so once is enough).
 */
export function useCampaignNames(ids: readonly string[]): (id: string) => string | undefined {
  const recent = useQuery({
    queryKey: ['overview', 'recent-campaigns'],
    queryFn: () =>
      get<Page<Campaign>>(`/v1/campaigns${query({ order: 'desc', limit: RECENT_CAMPAIGNS })}`),
  });
  const names = new Map(recent.data?.data.map((campaign) => [campaign.id, campaign.name]));
  const missing = recent.data ? [...new Set(ids)].filter((id) => !names.has(id)) : [];
  const older = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['campaign-name', id],
      queryFn: async () => (await get<Campaign>(`/v1/campaigns/${encodeURIComponent(id)}`)).name,
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
  });
  missing.forEach((id, index) => {
    const name = older[index]?.data;
    if (name !== undefined) names.set(id, name);
  });
  return (id) => names.get(id);
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
 * The latest events when the page opened, newest first; the live stream brings the ones after.
 * Its key root (`events`) is not one the stream invalidates: nothing here needs reading again
 * while it is shown.
 */
export function useLatestEvents(count: number) {
  return useQuery({
    queryKey: ['events', 'latest', count],
    queryFn: async () =>
      (await get<Page<WorkspaceEvent>>(`/v1/events${query({ order: 'desc', limit: count })}`)).data,
    refetchOnWindowFocus: false,
  });
}
