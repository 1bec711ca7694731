import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { events } from '../schema.ts';

/** The first event of a type about one subject, e.g. "was this job already answered?". */
export async function findEventBySubject(
  db: Db,
  where: { workspaceId: string; type: string; subjectType: string; subjectId: string },
) {
  // No index on the subject: the workspace index narrows the scan to one tenant's events.
  const [row] = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.workspaceId, where.workspaceId),
        eq(events.type, where.type),
        eq(events.subjectType, where.subjectType),
        eq(events.subjectId, where.subjectId),
      ),
    )
    .orderBy(events.id)
    .limit(1);
  return row ?? null;
}
