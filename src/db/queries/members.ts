import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { members, type Role } from '../schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type Member = typeof members.$inferSelect;

export async function insertMember(
  db: Db,
  values: {
    workspaceId: string;
    email: string;
    name: string;
    role: Role;
    passwordHash?: string | null;
    setupTokenHash?: string | null;
    setupTokenExpiresAt?: Date | null;
  },
): Promise<Member> {
  const rows = await db.insert(members).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into members returned no row');
  return row;
}

export async function getMember(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Member | undefined> {
  const rows = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, id)))
    .limit(1);
  return rows[0];
}

export async function listMembers(
  db: Db,
  {
    workspaceId,
    limit,
    after,
  }: { workspaceId: string; limit: number; after?: PageAfter | undefined },
): Promise<Member[]> {
  return db
    .select()
    .from(members)
    .where(
      and(eq(members.workspaceId, workspaceId), afterCursor(members.createdAt, members.id, after)),
    )
    .orderBy(members.createdAt, members.id)
    .limit(limit);
}

/** Setup-link lookup: the token is the credential, and its row names the workspace. */
export async function getMemberBySetupToken(
  db: Db,
  { tokenHash, now }: { tokenHash: string; now: Date },
): Promise<Member | undefined> {
  const rows = await db
    .select()
    .from(members)
    .where(and(eq(members.setupTokenHash, tokenHash), gt(members.setupTokenExpiresAt, now)))
    .limit(1);
  return rows[0];
}

/** Login lookup: every workspace membership of one email address. */
export async function listMembersByEmail(db: Db, { email }: { email: string }): Promise<Member[]> {
  return db
    .select()
    .from(members)
    .where(eq(sql`lower(${members.email})`, email.toLowerCase()))
    .limit(50);
}

export async function updateMember(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
  values: Partial<
    Pick<
      Member,
      'email' | 'name' | 'role' | 'passwordHash' | 'setupTokenHash' | 'setupTokenExpiresAt'
    >
  >,
): Promise<Member | undefined> {
  const rows = await db
    .update(members)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, id)))
    .returning();
  return rows[0];
}

export async function deleteMember(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<boolean> {
  const rows = await db
    .delete(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.id, id)))
    .returning({ id: members.id });
  return rows.length > 0;
}
