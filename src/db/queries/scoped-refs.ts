import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A row named by its workspace and id: how batch queries stay scoped to each row's workspace. */
export interface ScopedRef {
  workspaceId: string;
  id: string;
}

const UUID_CHARACTERS = /^[0-9a-fA-F-]{1,36}$/;

/**
 * Rows named by `refs`, each only in its own workspace: `(workspace_id = w1 and id = any(ids of
 * w1)) or …`, one array parameter per workspace (usually one), so a batch of hundreds of rows is a
 * short statement with two parameters; false for an empty list.
 */
export function inScopedRefs(workspaceId: PgColumn, id: PgColumn, refs: readonly ScopedRef[]): SQL {
  if (refs.length === 0) return sql`false`;
  const byWorkspace = new Map<string, string[]>();
  for (const ref of refs) {
    // Ids go into one array literal: only a uuid's characters may (commas or braces would split it).
    if (!UUID_CHARACTERS.test(ref.id)) throw new Error(`not a uuid: ${JSON.stringify(ref.id)}`);
    const ids = byWorkspace.get(ref.workspaceId);
    if (ids) ids.push(ref.id);
    else byWorkspace.set(ref.workspaceId, [ref.id]);
  }
  const clauses = [...byWorkspace].map(
    ([workspace, ids]) =>
      sql`(${workspaceId} = ${workspace}::uuid and ${id} = any(${`{${ids.join(',')}}`}::uuid[]))`,
  );
  return clauses.length === 1 ? (clauses[0] as SQL) : sql`(${sql.join(clauses, sql` or `)})`;
}
