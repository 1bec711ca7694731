import { get, query } from '../../api.ts';
import type { Page } from '../../types/sources.ts';

const PAGE_SIZE = 200;

/**
 * Every row of a cursor-paginated list, for short lists read whole (a workspace's sources, a
 * source's snapshots). Stops after `maxPages` pages; `complete` says whether it got to the end.
 */
export async function readAllPages<T>(
  path: string,
  params: Record<string, string | number | undefined> = {},
  maxPages = 25,
): Promise<{ rows: T[]; complete: boolean }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await get<Page<T>>(`${path}${query({ ...params, limit: PAGE_SIZE, cursor })}`);
    rows.push(...answer.data);
    if (answer.next_cursor === null) return { rows, complete: true };
    cursor = answer.next_cursor;
  }
  return { rows, complete: false };
}
