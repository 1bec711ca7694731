import type { PageAfter } from '../../db/queries/page.ts';
import { listSnapshots as selectSnapshots } from '../../db/queries/snapshots.ts';
import { getSource } from '../../db/queries/sources.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type SnapshotSummaryView, toSnapshotSummaryView } from './snapshot-view.ts';

/** A source's snapshots, oldest first, without their items (GET /v1/snapshots/{id} has those). */
export async function listSnapshots(
  ctx: ServiceContext,
  { sourceId, ...page }: { sourceId: string; limit: number; after?: PageAfter | undefined },
): Promise<SnapshotSummaryView[]> {
  const source = await getSource(ctx.db, { workspaceId: ctx.workspaceId, id: sourceId });
  if (!source) throw notFound('Source');
  const rows = await selectSnapshots(ctx.db, { workspaceId: ctx.workspaceId, sourceId, ...page });
  return rows.map(toSnapshotSummaryView);
}
