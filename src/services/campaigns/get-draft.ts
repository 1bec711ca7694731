import { getDraft as selectDraft } from '../../db/queries/drafts.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type DraftView, toDraftView } from './views.ts';

export async function getDraft(ctx: ServiceContext, { id }: { id: string }): Promise<DraftView> {
  const row = await selectDraft(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Draft');
  return toDraftView(row);
}
