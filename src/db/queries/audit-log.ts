import { and, eq, gte, sql } from 'drizzle-orm';
import { auditLog } from '../approval-schema.ts';
import type { Db } from '../client.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'createdAt'>;

/** Appends entries (there is no update or delete here, and the database refuses both). */
export async function appendAuditEntries(db: Db, entries: readonly NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values([...entries]);
}

export async function appendAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await appendAuditEntries(db, [entry]);
}

export async function listAuditEntries(
  db: Db,
  filter: {
    workspaceId: string;
    resourceType?: string | undefined;
    resourceId?: string | undefined;
    actor?: string | undefined;
    since?: Date | undefined;
    limit: number;
    after?: PageAfter | undefined;
  },
): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, filter.workspaceId),
        filter.resourceType === undefined
          ? undefined
          : eq(auditLog.resourceType, filter.resourceType),
        filter.resourceId === undefined ? undefined : eq(auditLog.resourceId, filter.resourceId),
        filter.actor === undefined ? undefined : eq(auditLog.actor, filter.actor),
        filter.since === undefined ? undefined : gte(auditLog.createdAt, filter.since),
        afterCursor(auditLog.createdAt, auditLog.id, filter.after),
      ),
    )
    .orderBy(auditLog.createdAt, auditLog.id)
    .limit(filter.limit);
}

export async function getAuditEntry(
  db: Db,
  { workspaceId, id }: { workspaceId: string; id: number },
): Promise<AuditEntry | undefined> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.id, id)))
    .limit(1);
  return rows[0];
}

/** Whether this workspace's log names the resource at all. */
export async function hasAuditEntriesFor(
  db: Db,
  {
    workspaceId,
    resourceType,
    resourceId,
  }: { workspaceId: string; resourceType: string; resourceId: string },
): Promise<boolean> {
  const rows = await db
    .select({ found: sql<number>`1` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.resourceType, resourceType),
        eq(auditLog.resourceId, resourceId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
