import { getSnapshotItemHashes } from '../../db/queries/snapshots.ts';
import { diffItems, type ItemDiff } from '../../documents/diff-items.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';

/**
 * What changed from snapshot `against` to snapshot `id`, by item key. Both must belong to the same
 * source: comparing two different documents' items is not a change of either.
 */
export async function diffSnapshots(
  ctx: ServiceContext,
  { id, against }: { id: string; against: string },
): Promise<ItemDiff & { snapshotId: string; againstSnapshotId: string }> {
  const current = await getSnapshotItemHashes(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!current) throw notFound('Snapshot');
  const previous = await getSnapshotItemHashes(ctx.db, {
    workspaceId: ctx.workspaceId,
    id: against,
  });
  if (!previous) throw notFound('Snapshot `against`');
  if (previous.sourceId !== current.sourceId) {
    throw new AppError('unprocessable', 'Both snapshots must belong to the same source.', {
      errors: [{ field: 'querystring.against', message: 'is a snapshot of another source' }],
    });
  }
  return {
    snapshotId: current.id,
    againstSnapshotId: previous.id,
    ...diffItems(previous.items, current.items),
  };
}
