import { and, eq, gt, inArray, sql } from 'drizzle-orm';
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
    labels?: string[];
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

/** Those of these ids that are members of the workspace. */
export async function listMembersByIds(
  db: Db,
  { workspaceId, ids }: { workspaceId: string; ids: readonly string[] },
): Promise<Member[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.id, [...ids])));
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
      | 'email'
      | 'name'
      | 'role'
      | 'labels'
      | 'passwordHash'
      | 'setupTokenHash'
      | 'setupTokenExpiresAt'
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

/** Invitation insert: undefined when the email already belongs to a member of the workspace. */
export async function insertMemberUnlessEmailTaken(
  db: Db,
  values: Parameters<typeof insertMember>[1],
): Promise<Member | undefined> {
  // The only unique indexes a new row can hit are (workspace, lower(email)) and the setup-token
  // hash (256 random bits), so "nothing inserted" means the email is taken, even under races.
  const rows = await db.insert(members).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function getMemberByEmail(
  db: Db,
  { workspaceId, email }: { workspaceId: string; email: string },
): Promise<Member | undefined> {
  const rows = await db
    .select()
    .from(members)
    .where(
      and(
        eq(members.workspaceId, workspaceId),
        eq(sql`lower(${members.email})`, email.toLowerCase()),
      ),
    )
    .limit(1);
  return rows[0];
}

/**
 * Locks the workspace's owner rows until the transaction ends and returns their ids, so two
 * concurrent demotions or removals cannot both see "another owner remains".
 */
export async function lockOwners(
  db: Db,
  { workspaceId }: { workspaceId: string },
): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, 'owner')))
    .orderBy(members.id)
    .for('update');
  return rows.map((row) => row.id);
}

/**
 * Single use of a setup token: the update matches only while the token is still stored and
 * unexpired, so of two concurrent uses exactly one gets the row back.
 */
export async function consumeSetupToken(
  db: Db,
  {
    workspaceId,
    id,
    tokenHash,
    now,
  }: { workspaceId: string; id: string; tokenHash: string; now: Date },
  values: Partial<Pick<Member, 'email' | 'name'>> & { passwordHash: string },
): Promise<Member | undefined> {
  const rows = await db
    .update(members)
    .set({ ...values, setupTokenHash: null, setupTokenExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(members.workspaceId, workspaceId),
        eq(members.id, id),
        eq(members.setupTokenHash, tokenHash),
        gt(members.setupTokenExpiresAt, now),
      ),
    )
    .returning();
  return rows[0];
}
