import type { PageAfter } from '../../db/queries/page.ts';
import { listSources as selectSources } from '../../db/queries/sources.ts';
import type { ServiceContext } from '../context.ts';
import { type SourceView, toSourceView } from './source-view.ts';

export async function listSources(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<SourceView[]> {
  const rows = await selectSources(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toSourceView);
}
