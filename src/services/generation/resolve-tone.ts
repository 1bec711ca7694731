import { getTone } from '../../db/queries/tones.ts';
import { builtInTones } from '../../generation/tones/built-in-tones.ts';
import { type Tone, toneSchema } from '../../generation/tones/tone.ts';
import { AppError } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';

/** A tone by id: built-in, else the workspace's own; an unknown id is the caller's mistake (422). */
export async function resolveTone(ctx: ServiceContext, { id }: { id: string }): Promise<Tone> {
  const builtIn = Object.hasOwn(builtInTones, id) ? builtInTones[id] : undefined;
  if (builtIn) return builtIn;
  const row = await getTone(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row)
    throw new AppError('unprocessable', `No tone "${id}" in this workspace.`, {
      errors: [{ field: 'body.tone', message: 'is not a known tone (see GET /v1/tones)' }],
    });
  return toneSchema.parse(row.definition);
}
