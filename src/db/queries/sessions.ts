import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { members, sessions } from '../schema.ts';

export type Session = typeof sessions.$inferSelect;

export async function insertSession(
  db: Db,
  values: {
    workspaceId: string;
    memberId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: Date;
  },
): Promise<Session> {
  const rows = await db.insert(sessions).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into sessions returned no row');
  return row;
}

/** Cookie lookup: the token is the credential; its row names the workspace and the member. */
export async function getLiveSessionByHash(
  db: Db,
  { tokenHash, now }: { tokenHash: string; now: Date },
) {
  const rows = await db
    .select({ session: sessions, member: members })
    .from(sessions)
    .innerJoin(
      members,
      and(eq(members.id, sessions.memberId), eq(members.workspaceId, sessions.workspaceId)),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function deleteSession(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, id)));
}

export async function deleteMemberSessions(
  db: Db,
  { workspaceId, memberId }: { workspaceId: string; memberId: string },
): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.memberId, memberId)));
}

/** Housekeeping across tenants: removes only rows that are already dead. */
export async function deleteExpiredSessions(db: Db, { now }: { now: Date }): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function getSession(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: string },
): Promise<Session | undefined> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.id, id)))
    .limit(1);
  return rows[0];
}
