import { getSnapshot as selectSnapshot } from '../../db/queries/snapshots.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type SnapshotView, toSnapshotView } from './snapshot-view.ts';

export async function getSnapshot(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<SnapshotView> {
  const row = await selectSnapshot(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Snapshot');
  return toSnapshotView(row);
}
