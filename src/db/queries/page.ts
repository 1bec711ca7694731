import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Keyset position: rows strictly after (createdAt, id) in ascending order. */
export interface PageAfter {
  createdAt: Date;
  id: string;
}

export function afterCursor(
  createdAt: PgColumn,
  id: PgColumn,
  after: PageAfter | undefined,
): SQL | undefined {
  if (!after) return undefined;
  return or(gt(createdAt, after.createdAt), and(eq(createdAt, after.createdAt), gt(id, after.id)));
}
