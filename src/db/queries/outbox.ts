import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { outboxMessages } from '../publishing-schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** Stores a sandbox "send"; a repeat for the same delivery returns the first row. */
export async function insertOutboxMessage(
  db: Db,
  values: Omit<typeof outboxMessages.$inferInsert, 'id' | 'createdAt'>,
): Promise<OutboxMessage> {
  const rows = await db
    .insert(outboxMessages)
    .values(values)
    .onConflictDoNothing({ target: outboxMessages.deliveryId })
    .returning();
  const row =
    rows[0] ??
    (await findOutboxMessage(db, {
      workspaceId: values.workspaceId,
      deliveryId: values.deliveryId,
    }));
  if (!row) throw new Error('outbox message neither inserted nor found');
  return row;
}

export async function findOutboxMessage(
  db: Db,
  { workspaceId, deliveryId }: { workspaceId: string; deliveryId: string },
): Promise<OutboxMessage | undefined> {
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.workspaceId, workspaceId), eq(outboxMessages.deliveryId, deliveryId)),
    )
    .limit(1);
  return rows[0];
}

export async function listOutboxMessages(
  db: Db,
  {
    workspaceId,
    campaignId,
    channel,
    limit,
    after,
  }: {
    workspaceId: string;
    campaignId?: string | undefined;
    channel?: string | undefined;
    limit: number;
    after?: PageAfter | undefined;
  },
): Promise<OutboxMessage[]> {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.workspaceId, workspaceId),
        campaignId === undefined ? undefined : eq(outboxMessages.campaignId, campaignId),
        channel === undefined ? undefined : eq(outboxMessages.channel, channel),
        afterCursor(outboxMessages.createdAt, outboxMessages.id, after),
      ),
    )
    .orderBy(outboxMessages.createdAt, outboxMessages.id)
    .limit(limit);
}
