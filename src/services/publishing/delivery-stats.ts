import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  countSettledDeliveriesByDay,
  type DayCounts,
  type DayWindow,
} from '../../db/queries/deliveries.ts';
import { isTimeZone } from '../../lib/time-zone.ts';
import type { ServiceContext } from '../context.ts';
import { getWorkspace } from '../workspaces/get-workspace.ts';

export const MAX_STATS_DAYS = 90;

/** `GET /v1/deliveries/stats`: how many days back, and in which zone a day is. */
export const deliveryStatsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(MAX_STATS_DAYS).default(14),
  zone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'must be an IANA time zone such as America/New_York' })
    .optional()
    .describe("An IANA time zone; the workspace's zone when omitted."),
});

export interface DeliveryStatsView {
  /** The zone the days are local to: the one asked for, else the workspace's. */
  zone: string;
  /** Oldest first; the last one is today in `zone`. */
  days: DayCounts[];
}

/**
 * Deliveries by the local day (in `zone`) they settled on, per final state, for the last `days`
 * days including today. Day boundaries are computed here with the zone's rules for each day (a
 * DST change makes a 23 or 25 hour day) and counted in one query in the database.
 */
export async function deliveryStats(
  ctx: ServiceContext,
  input: { days: number; zone?: string | undefined },
  { now = new Date() }: { now?: Date } = {},
): Promise<DeliveryStatsView> {
  const zone = input.zone ?? (await getWorkspace(ctx)).timeZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days: DayWindow[] = Array.from({ length: input.days }, (_, index) => {
    const day = today.minus({ days: input.days - 1 - index });
    return {
      date: day.toISODate() ?? '',
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).startOf('day').toJSDate(),
    };
  });
  return {
    zone,
    days: await countSettledDeliveriesByDay(ctx.db, { workspaceId: ctx.workspaceId, days }),
  };
}
