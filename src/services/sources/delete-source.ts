import { deleteSource as removeSource } from '../../db/queries/sources.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type SourceView, toSourceView } from './source-view.ts';

/** Deletes a source and its snapshots; the event log keeps that it existed. */
export async function deleteSource(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<SourceView> {
  return ctx.db.transaction(async (tx) => {
    const row = await removeSource(tx, { workspaceId: ctx.workspaceId, id });
    if (!row) throw notFound('Source');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'source.deleted',
      subjectType: 'source',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { name: row.name, kind: row.kind },
    });
    return toSourceView(row);
  });
}
