import { and, eq } from 'drizzle-orm';
import { comments } from '../approval-schema.ts';
import type { Db } from '../client.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type Comment = typeof comments.$inferSelect;

export async function insertComment(
  db: Db,
  values: Omit<typeof comments.$inferInsert, 'id' | 'createdAt'>,
): Promise<Comment> {
  const rows = await db.insert(comments).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into comments returned no row');
  return row;
}

export async function getComment(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Comment | undefined> {
  const rows = await db
    .select()
    .from(comments)
    .where(and(eq(comments.workspaceId, workspaceId), eq(comments.id, id)))
    .limit(1);
  return rows[0];
}

export async function listComments(
  db: Db,
  filter: {
    workspaceId: string;
    campaignId: string;
    draftId?: string | undefined;
    limit: number;
    after?: PageAfter | undefined;
  },
): Promise<Comment[]> {
  return db
    .select()
    .from(comments)
    .where(
      and(
        eq(comments.workspaceId, filter.workspaceId),
        eq(comments.campaignId, filter.campaignId),
        filter.draftId === undefined ? undefined : eq(comments.draftId, filter.draftId),
        afterCursor(comments.createdAt, comments.id, filter.after),
      ),
    )
    .orderBy(comments.createdAt, comments.id)
    .limit(filter.limit);
}
