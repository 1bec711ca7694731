import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { tones } from '../schema.ts';

export type ToneRow = typeof tones.$inferSelect;

export async function listTones(
  db: Db,
  { workspaceId }: { workspaceId: string },
): Promise<ToneRow[]> {
  return db.select().from(tones).where(eq(tones.workspaceId, workspaceId)).orderBy(tones.id);
}

export async function getTone(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<ToneRow | undefined> {
  const rows = await db
    .select()
    .from(tones)
    .where(and(eq(tones.workspaceId, workspaceId), eq(tones.id, id)))
    .limit(1);
  return rows[0];
}

/** Inserts a tone; returns undefined when the workspace already has one with this id. */
export async function insertTone(
  db: Db,
  values: { workspaceId: string; id: string; definition: Record<string, unknown> },
): Promise<ToneRow | undefined> {
  const rows = await db.insert(tones).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function replaceTone(
  db: Db,
  {
    workspaceId,
    id,
    definition,
  }: { workspaceId: string; id: string; definition: Record<string, unknown> },
): Promise<ToneRow | undefined> {
  const rows = await db
    .update(tones)
    .set({ definition, updatedAt: sql`now()` })
    .where(and(eq(tones.workspaceId, workspaceId), eq(tones.id, id)))
    .returning();
  return rows[0];
}

export async function deleteTone(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<ToneRow | undefined> {
  const rows = await db
    .delete(tones)
    .where(and(eq(tones.workspaceId, workspaceId), eq(tones.id, id)))
    .returning();
  return rows[0];
}
