import { get, query } from '../../api.ts';
import type { Page } from '../../types/approvals.ts';

/**
 * Every item of a cursor-paginated list, 200 a page. For lists the API cannot filter the way a
 * page needs (by date, by campaign state): the page filters what this returns.
 */
export async function fetchAllPages<T>(
  path: string,
  params: Record<string, string | undefined> = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Page<T>>(`${path}${query({ ...params, limit: 200, cursor })}`);
    items.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}
