import { getDraft, listDraftVersions as selectVersions } from '../../db/queries/drafts.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type DraftVersionView, toDraftVersionView } from './views.ts';

/** Every version of a draft, oldest first: version 1 is what generation produced. */
export async function listDraftVersions(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<DraftVersionView[]> {
  const draft = await getDraft(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!draft) throw notFound('Draft');
  const rows = await selectVersions(ctx.db, { workspaceId: ctx.workspaceId, draftId: id });
  return rows.map(toDraftVersionView);
}
