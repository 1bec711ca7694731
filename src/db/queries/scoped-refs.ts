import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A row named by its workspace and id: how batch queries stay scoped to each row's workspace. */
export interface ScopedRef {
  workspaceId: string;
  id: string;
}

/** `(workspace_id, id) in ((w1, i1), (w2, i2), …)`; false for an empty list. */
export function inScopedRefs(workspaceId: PgColumn, id: PgColumn, refs: readonly ScopedRef[]): SQL {
  if (refs.length === 0) return sql`false`;
  const pairs = refs.map((ref) => sql`(${ref.workspaceId}::uuid, ${ref.id}::uuid)`);
  return sql`(${workspaceId}, ${id}) in (${sql.join(pairs, sql`, `)})`;
}
