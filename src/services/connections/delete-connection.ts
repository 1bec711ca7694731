import { deleteUnusedConnection } from '../../db/queries/connections.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';

/**
 * Deletes a connection no delivery refers to. One that has published keeps existing: its
 * deliveries' history points at it (409); the event log keeps that a deleted one existed.
 */
export async function deleteConnection(ctx: ServiceContext, { id }: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await deleteUnusedConnection(tx, { workspaceId: ctx.workspaceId, id });
    if (row === 'in_use')
      throw new AppError(
        'conflict',
        'Deliveries refer to this connection, so it cannot be deleted: their history needs it.',
      );
    if (!row) throw notFound('Connection');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'connection.deleted',
      subjectType: 'connection',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { name: row.name, provider: row.provider, channel: row.channel },
    });
  });
}
