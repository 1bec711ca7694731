import { insertSource } from '../../db/queries/sources.ts';
import { appendEvent } from '../../events/append-event.ts';
import type { ReadContext } from '../../sources/source-kind.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { getSource } from './get-source.ts';
import type { CreateSourceInput } from './source-input.ts';
import type { SourceView } from './source-view.ts';
import { type SyncResult, syncSource } from './sync-source.ts';

/**
 * Adds a source and syncs it at once, so its items are there when the call returns. A first sync
 * that fails (a URL that answers 404) still leaves the source, with the reason on it.
 */
export async function createSource(
  ctx: ServiceContext,
  input: CreateSourceInput,
  context: ReadContext & { now?: Date },
): Promise<{ source: SourceView; sync: SyncResult }> {
  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertSource(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      kind: input.kind,
      // The input schema has checked which fields apply to the kind.
      settings: {
        ...(input.url !== undefined && { url: input.url }),
        ...(input.filename !== undefined && { filename: input.filename }),
      },
      content: input.text ?? null,
      strategy: input.strategy ?? null,
      syncIntervalMinutes: input.syncIntervalMinutes ?? null,
      nextSyncAt: null,
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'source.created',
      subjectType: 'source',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { name: row.name, kind: row.kind },
    });
    return row;
  });
  const sync = await syncSource(ctx, { sourceId: created.id, trigger: 'create' }, context);
  return { source: await getSource(ctx, { id: created.id }), sync };
}
