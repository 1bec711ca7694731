import { listTones as selectTones } from '../../db/queries/tones.ts';
import { builtInTones } from '../../generation/tones/built-in-tones.ts';
import { toneSchema } from '../../generation/tones/tone.ts';
import type { ServiceContext } from '../context.ts';
import type { ToneView } from './tone-view.ts';

/** Built-in tones first, then the workspace's own, by id. */
export async function listTones(ctx: ServiceContext): Promise<ToneView[]> {
  const rows = await selectTones(ctx.db, { workspaceId: ctx.workspaceId });
  return [
    ...Object.values(builtInTones).map((tone) => ({ ...tone, builtIn: true })),
    ...rows.map((row) => ({ ...toneSchema.parse(row.definition), builtIn: false })),
  ];
}
