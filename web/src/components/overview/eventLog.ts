import { get, query } from '../../api.ts';
import type { WorkspaceEvent } from '../../events.tsx';
import type { Page } from '../../types/sources.ts';

/**
 * Reading the end of the workspace's event log. `GET /v1/events` reads forward only (oldest first,
 * `since=<position>`), so the newest events and the position of a moment are found by probing:
 * one `limit=1` request per step, a few dozen even for millions of events.
 */

/** The first event after `position`, if any. */
async function firstAfter(position: number): Promise<WorkspaceEvent | undefined> {
  const page = await get<Page<WorkspaceEvent>>(`/v1/events${query({ since: position, limit: 1 })}`);
  return page.data[0];
}

/** The position of the log's last event (0 when it is empty): doubling, then halving. */
export async function lastPosition(): Promise<number> {
  let low = 0; // the last position is at least `low`…
  let high = Number.POSITIVE_INFINITY; // …and at most `high`
  while (low < high) {
    const probe = Number.isFinite(high) ? Math.ceil((low + high) / 2) : Math.max(1, low * 2);
    const event = await firstAfter(probe - 1);
    if (event) low = Number(event.id);
    else high = probe - 1;
  }
  return low;
}

/** Shared by the readers of one page load, so the log's end is looked for once. */
export const lastPositionQuery = {
  queryKey: ['events', 'last-position'],
  queryFn: lastPosition,
};

/** A position from which the events are all at or after `moment` (positions follow time). */
export async function positionAt(moment: Date, last: number): Promise<number> {
  const oldest = await firstAfter(0);
  if (!oldest || new Date(oldest.createdAt) >= moment) return 0;
  let low = Number(oldest.id);
  let high = last;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const event = await firstAfter(middle);
    if (!event || new Date(event.createdAt) >= moment) high = middle;
    else low = Math.max(middle + 1, Number(event.id));
  }
  return low;
}

/** The `count` latest events before position `last` (included), newest first. */
export async function latestEvents(count: number, last: number): Promise<WorkspaceEvent[]> {
  const page = await get<Page<WorkspaceEvent>>(
    `/v1/events${query({ since: Math.max(0, last - count), limit: count })}`,
  );
  return page.data.reverse();
}
