import { insertTone, replaceTone } from '../../db/queries/tones.ts';
import { appendEvent } from '../../events/append-event.ts';
import { builtInTones } from '../../generation/tones/built-in-tones.ts';
import { type ToneInput, toneSchema } from '../../generation/tones/tone.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { ToneView } from './tone-view.ts';

/**
 * Adds a workspace tone (`create`) or replaces one it has (`replace`). Built-in ids are reserved:
 * a workspace that wants a variant gives it its own id.
 */
export async function saveTone(
  ctx: ServiceContext,
  { mode, tone }: { mode: 'create' | 'replace'; tone: ToneInput },
): Promise<ToneView> {
  if (Object.hasOwn(builtInTones, tone.id))
    throw new AppError('conflict', `"${tone.id}" is a built-in tone; give yours another id.`);
  const definition = toneSchema.parse(tone);
  const values = { workspaceId: ctx.workspaceId, id: definition.id, definition };
  return ctx.db.transaction(async (tx) => {
    const row = mode === 'create' ? await insertTone(tx, values) : await replaceTone(tx, values);
    if (!row && mode === 'create')
      throw new AppError('conflict', `This workspace already has a tone "${definition.id}".`);
    if (!row) throw notFound('Tone');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'tone.saved',
      subjectType: 'tone',
      subjectId: definition.id,
      actor: actorLabel(ctx.actor),
      data: { name: definition.name, mode },
    });
    return { ...definition, builtIn: false };
  });
}
