import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { drafts, draftVersions } from '../schema.ts';
import { inScopedRefs, type ScopedRef } from './scoped-refs.ts';

export type DraftRow = typeof drafts.$inferSelect;
export type DraftVersionRow = typeof draftVersions.$inferSelect;
type DraftBody = Pick<DraftRow, 'content' | 'issues' | 'quality'>;

export async function insertDraft(
  db: Db,
  values: Omit<typeof drafts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>,
): Promise<DraftRow> {
  const rows = await db.insert(drafts).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into drafts returned no row');
  return row;
}

export async function getDraft(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<DraftRow | undefined> {
  const rows = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.workspaceId, workspaceId), eq(drafts.id, id)))
    .limit(1);
  return rows[0];
}

export async function listDraftsOfCampaign(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.workspaceId, workspaceId), eq(drafts.campaignId, campaignId)))
    .orderBy(drafts.createdAt, drafts.id);
}

/** Writes a new version of a draft, only if it is still at `fromVersion` (no lost edits). */
export async function updateDraftVersion(
  db: Db,
  {
    workspaceId,
    id,
    fromVersion,
    body,
    editedBy,
  }: { workspaceId: string; id: string; fromVersion: number; body: DraftBody; editedBy: string },
): Promise<DraftRow | undefined> {
  const rows = await db
    .update(drafts)
    .set({ ...body, version: fromVersion + 1, editedBy, updatedAt: sql`now()` })
    .where(
      and(eq(drafts.workspaceId, workspaceId), eq(drafts.id, id), eq(drafts.version, fromVersion)),
    )
    .returning();
  return rows[0];
}

export async function insertDraftVersion(
  db: Db,
  values: typeof draftVersions.$inferInsert,
): Promise<void> {
  await db.insert(draftVersions).values(values);
}

export async function listDraftVersions(
  db: Db,
  { workspaceId, draftId }: { workspaceId: string; draftId: string },
): Promise<DraftVersionRow[]> {
  return db
    .select()
    .from(draftVersions)
    .where(and(eq(draftVersions.workspaceId, workspaceId), eq(draftVersions.draftId, draftId)))
    .orderBy(draftVersions.version);
}

/** Several drafts at once, each in its own workspace. */
export async function getDraftsByRefs(db: Db, refs: readonly ScopedRef[]): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(inScopedRefs(drafts.workspaceId, drafts.id, refs));
}

/** Everyone who edited a draft of the campaign (versions after the generated one): not its approvers. */
export async function listDraftEditors(
  db: Db,
  { workspaceId, campaignId }: { workspaceId: string; campaignId: string },
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actor: draftVersions.actor })
    .from(draftVersions)
    .innerJoin(drafts, eq(drafts.id, draftVersions.draftId))
    .where(
      and(
        eq(draftVersions.workspaceId, workspaceId),
        eq(drafts.workspaceId, workspaceId),
        eq(drafts.campaignId, campaignId),
        gt(draftVersions.version, 1),
      ),
    );
  return rows.map((row) => row.actor);
}
