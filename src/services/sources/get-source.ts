import { getSource as selectSource } from '../../db/queries/sources.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type SourceView, toSourceView } from './source-view.ts';

export async function getSource(ctx: ServiceContext, { id }: { id: string }): Promise<SourceView> {
  const row = await selectSource(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Source');
  return toSourceView(row);
}
