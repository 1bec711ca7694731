import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DecisionKind } from '../approval-schema.ts';
import { reviewLinks } from '../approval-schema.ts';
import type { Db } from '../client.ts';

export type ReviewLink = typeof reviewLinks.$inferSelect;
type Scope = { workspaceId: string; id: string };

export async function insertReviewLink(
  db: Db,
  values: Omit<typeof reviewLinks.$inferInsert, 'createdAt' | 'revokedAt' | 'usedAt' | 'decision'>,
): Promise<ReviewLink> {
  const rows = await db.insert(reviewLinks).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into review_links returned no row');
  return row;
}

export async function getReviewLink(
  db: Db,
  { workspaceId, id }: Scope,
): Promise<ReviewLink | undefined> {
  const rows = await db
    .select()
    .from(reviewLinks)
    .where(and(eq(reviewLinks.workspaceId, workspaceId), eq(reviewLinks.id, id)))
    .limit(1);
  return rows[0];
}

/** Same row, locked until the transaction ends: one decision per link even under races. */
export async function lockReviewLink(
  db: Db,
  { workspaceId, id }: Scope,
): Promise<ReviewLink | undefined> {
  const rows = await db
    .select()
    .from(reviewLinks)
    .where(and(eq(reviewLinks.workspaceId, workspaceId), eq(reviewLinks.id, id)))
    .limit(1)
    .for('update');
  return rows[0];
}

export async function listReviewLinksOfCampaign(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<ReviewLink[]> {
  return db
    .select()
    .from(reviewLinks)
    .where(and(eq(reviewLinks.workspaceId, workspaceId), eq(reviewLinks.campaignId, campaignId)))
    .orderBy(desc(reviewLinks.createdAt), desc(reviewLinks.id));
}

/** Revokes a link not yet revoked; undefined when there is none such. */
export async function revokeReviewLink(
  db: Db,
  { workspaceId, id }: Scope,
): Promise<ReviewLink | undefined> {
  const rows = await db
    .update(reviewLinks)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(reviewLinks.workspaceId, workspaceId),
        eq(reviewLinks.id, id),
        isNull(reviewLinks.revokedAt),
      ),
    )
    .returning();
  return rows[0];
}

/** Spends a link on its one decision (compare-and-set on `used_at`). */
export async function markReviewLinkUsed(
  db: Db,
  { workspaceId, id }: Scope,
  { decision, at }: { decision: DecisionKind; at: Date },
): Promise<ReviewLink | undefined> {
  const rows = await db
    .update(reviewLinks)
    .set({ usedAt: at, decision })
    .where(
      and(
        eq(reviewLinks.workspaceId, workspaceId),
        eq(reviewLinks.id, id),
        isNull(reviewLinks.usedAt),
      ),
    )
    .returning();
  return rows[0];
}
