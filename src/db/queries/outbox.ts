import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { outboxMessages } from '../publishing-schema.ts';
import { afterCursor, type PageAfter } from './page.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/**
 * Stores sandbox "sends" in one statement and returns each message's row id, in order. A repeat
 * for a delivery already stored returns the first row's id (one message per delivery, ever).
 */
export async function insertOutboxMessages(
  db: Db,
  workspaceId: string,
  values: ReadonlyArray<
    Omit<typeof outboxMessages.$inferInsert, 'id' | 'createdAt' | 'workspaceId'>
  >,
): Promise<string[]> {
  if (values.length === 0) return [];
  const ids = new Map(
    (
      await db
        .insert(outboxMessages)
        .values(values.map((value) => ({ ...value, workspaceId })))
        .onConflictDoNothing({ target: outboxMessages.deliveryId })
        .returning({ id: outboxMessages.id, deliveryId: outboxMessages.deliveryId })
    ).map((row) => [row.deliveryId, row.id]),
  );
  const repeats = values.filter((value) => !ids.has(value.deliveryId));
  if (repeats.length > 0) {
    const found = await db
      .select({ id: outboxMessages.id, deliveryId: outboxMessages.deliveryId })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.workspaceId, workspaceId),
          inArray(
            outboxMessages.deliveryId,
            repeats.map((value) => value.deliveryId),
          ),
        ),
      );
    for (const row of found) ids.set(row.deliveryId, row.id);
  }
  return values.map((value) => {
    const id = ids.get(value.deliveryId);
    if (id === undefined)
      throw new Error(`outbox message of delivery ${value.deliveryId} neither inserted nor found`);
    return id;
  });
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
