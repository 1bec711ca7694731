import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  like,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { StoredEvent } from '../../events/types.ts';
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

/** Which of a workspace's events to read, in position (commit) order. */
export interface EventFilter {
  workspaceId: string;
  /** Exact types; with `typePrefixes`, an event matching either is kept. */
  types?: readonly string[] | undefined;
  /** `campaign.` keeps every `campaign.*` type. */
  typePrefixes?: readonly string[] | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Only events after this position. */
  afterSeq?: number | undefined;
  /** Only events up to this position. */
  untilSeq?: number | undefined;
  /** Only events before this position. */
  beforeSeq?: number | undefined;
  /** `asc` (the default): oldest position first; `desc`: newest first. */
  order?: 'asc' | 'desc' | undefined;
  limit: number;
}

export function typeCondition(
  types: readonly string[] | undefined,
  typePrefixes: readonly string[] | undefined,
): SQL | undefined {
  const conditions = [
    ...(types && types.length > 0 ? [inArray(events.type, [...types])] : []),
    ...(typePrefixes ?? []).map((prefix) => like(events.type, `${escapeLike(prefix)}%`)),
  ];
  return conditions.length === 0 ? undefined : or(...conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Committed events of one workspace in position order, oldest first or (`desc`) newest first. Both
 * directions walk the unique index `events_workspace_seq` (workspace_id, seq), forwards or
 * backwards, from the position bound; the other filters are checked on the rows it reaches.
 */
export async function listEvents(db: Db, filter: EventFilter): Promise<StoredEvent[]> {
  return db
    .select()
    .from(events)
    .where(
      and(
        eq(events.workspaceId, filter.workspaceId),
        isNotNull(events.seq),
        typeCondition(filter.types, filter.typePrefixes),
        filter.subjectType === undefined ? undefined : eq(events.subjectType, filter.subjectType),
        filter.subjectId === undefined ? undefined : eq(events.subjectId, filter.subjectId),
        filter.afterSeq === undefined ? undefined : gt(events.seq, filter.afterSeq),
        filter.untilSeq === undefined ? undefined : sql`${events.seq} <= ${filter.untilSeq}`,
        filter.beforeSeq === undefined ? undefined : lt(events.seq, filter.beforeSeq),
      ),
    )
    .orderBy(filter.order === 'desc' ? desc(events.seq) : asc(events.seq))
    .limit(filter.limit);
}

/** The workspace's latest event position (0 before its first event). */
export async function latestEventSeq(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<string | null>`max(${events.seq})` })
    .from(events)
    .where(eq(events.workspaceId, workspaceId));
  return row?.seq == null ? 0 : Number(row.seq);
}
