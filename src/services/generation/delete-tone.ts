import { deleteTone as removeTone } from '../../db/queries/tones.ts';
import { appendEvent } from '../../events/append-event.ts';
import { toneSchema } from '../../generation/tones/tone.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { ToneView } from './tone-view.ts';

export async function deleteTone(ctx: ServiceContext, { id }: { id: string }): Promise<ToneView> {
  return ctx.db.transaction(async (tx) => {
    const row = await removeTone(tx, { workspaceId: ctx.workspaceId, id });
    if (!row) throw notFound('Tone');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'tone.deleted',
      subjectType: 'tone',
      subjectId: id,
      actor: actorLabel(ctx.actor),
    });
    return { ...toneSchema.parse(row.definition), builtIn: false };
  });
}
