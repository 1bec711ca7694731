import {
  lockSource,
  type SourceChanges,
  updateSource as writeSource,
} from '../../db/queries/sources.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { SourceKindName } from '../../sources/registry.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { UpdateSourceInput } from './source-input.ts';
import { type SourceView, toSourceView } from './source-view.ts';

/** Which update fields each kind accepts; anything else is a 422 naming the field. */
const fieldsByKind: Record<SourceKindName, ReadonlyArray<keyof UpdateSourceInput>> = {
  markdown: ['name', 'strategy', 'filename'],
  url: ['name', 'strategy', 'url', 'syncIntervalMinutes'],
};

/**
 * Changes a source's settings. The document is not read again here: a new URL or strategy takes
 * effect at the next sync (POST /v1/sources/{id}/sync to see it at once).
 */
export async function updateSource(
  ctx: ServiceContext,
  { id, ...input }: UpdateSourceInput & { id: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<SourceView> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockSource(tx, { workspaceId: ctx.workspaceId, id });
    if (!current) throw notFound('Source');
    const allowed = fieldsByKind[current.kind as SourceKindName] ?? ['name'];
    const refused = Object.keys(input).filter(
      (field) => !allowed.includes(field as keyof UpdateSourceInput),
    );
    if (refused.length > 0) {
      throw new AppError(
        'unprocessable',
        `A ${current.kind} source has no ${refused.join(', ')}.`,
        {
          errors: refused.map((field) => ({
            field: `body.${field}`,
            message: `does not apply to ${current.kind} sources`,
          })),
        },
      );
    }
    const changes: SourceChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.strategy !== undefined) changes.strategy = input.strategy;
    if (input.url !== undefined) changes.settings = { ...current.settings, url: input.url };
    if (input.filename !== undefined)
      changes.settings = { ...current.settings, filename: input.filename };
    if (input.syncIntervalMinutes !== undefined) {
      changes.syncIntervalMinutes = input.syncIntervalMinutes;
      changes.nextSyncAt =
        input.syncIntervalMinutes === null
          ? null
          : new Date(now.getTime() + input.syncIntervalMinutes * 60_000);
    }
    const row = await writeSource(tx, { workspaceId: ctx.workspaceId, id, changes });
    if (!row) throw notFound('Source');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'source.updated',
      subjectType: 'source',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { fields: Object.keys(input) },
    });
    return toSourceView(row);
  });
}
