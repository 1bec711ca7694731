import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { type BrandProfile, workspaces } from '../schema.ts';

export type Workspace = typeof workspaces.$inferSelect;

export async function getWorkspace(
  db: Db,
  { workspaceId }: { workspaceId: string },
): Promise<Workspace | undefined> {
  const rows = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  return rows[0];
}

export async function insertWorkspace(
  db: Db,
  values: { name: string; slug: string; timeZone?: string; brand?: BrandProfile },
): Promise<Workspace> {
  const rows = await db.insert(workspaces).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into workspaces returned no row');
  return row;
}

export async function updateWorkspace(
  db: Db,
  { workspaceId }: { workspaceId: string },
  values: { name?: string; timeZone?: string; brand?: BrandProfile },
): Promise<Workspace | undefined> {
  const rows = await db
    .update(workspaces)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(workspaces.id, workspaceId))
    .returning();
  return rows[0];
}

/** Bootstrap-only: how many tenants this database holds. Not a tenant query. */
export async function countWorkspaces(db: Db): Promise<number> {
  const rows = await db.select({ value: count() }).from(workspaces);
  return rows[0]?.value ?? 0;
}

/** Login-only: resolve a workspace by its public slug. */
export async function getWorkspaceBySlug(
  db: Db,
  { slug }: { slug: string },
): Promise<Workspace | undefined> {
  const rows = await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return rows[0];
}
