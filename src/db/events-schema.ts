import { bigint, pgTable, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from './schema.ts';

/**
 * Events out (PRODUCT.md §11): the per-workspace event counter. Same rule as everywhere: every row
 * carries `workspace_id`.
 */

/**
 * The last event position handed out in each workspace. Only the commit trigger on `events`
 * writes it (migration 0007): its row lock, held until commit, makes positions follow commit
 * order within a workspace.
 */
export const eventSequences = pgTable('event_sequences', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
});
