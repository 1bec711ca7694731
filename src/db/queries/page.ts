import { and, asc, desc, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Which way a list goes: `asc` oldest first (the default everywhere), `desc` newest first. */
export type PageOrder = 'asc' | 'desc';

/** Keyset position: rows strictly after (createdAt, id) in the list's order. */
export interface PageAfter {
  createdAt: Date;
  id: string;
}

/** Rows after the cursor row: later ones for `asc`, earlier ones for `desc`. */
export function afterCursor(
  createdAt: PgColumn,
  id: PgColumn,
  after: PageAfter | undefined,
  order: PageOrder = 'asc',
): SQL | undefined {
  if (!after) return undefined;
  const beyond = order === 'asc' ? gt : lt;
  return or(
    beyond(createdAt, after.createdAt),
    and(eq(createdAt, after.createdAt), beyond(id, after.id)),
  );
}

/**
 * The keyset order matching `afterCursor`: (createdAt, id), both ascending or both descending.
 *
 * `sortAfterFilter` is for lists filtered by a narrow window on another indexed column (a
 * calendar): ordering by an expression no index provides makes the planner read the window
 * through that column's index and sort what it finds. Ordered by the bare column, with a LIMIT,
 * it may walk the creation index instead and filter, reading every row created before the window.
 */
export function keysetOrder(
  createdAt: PgColumn,
  id: PgColumn,
  order: PageOrder = 'asc',
  { sortAfterFilter = false }: { sortAfterFilter?: boolean } = {},
): SQL[] {
  const key = sortAfterFilter ? sql`(${createdAt} + interval '0 ms')` : createdAt;
  return order === 'asc' ? [asc(key), asc(id)] : [desc(key), desc(id)];
}
