import { z } from 'zod';
import { getSource } from '../db/queries/sources.ts';
import { syncSource } from '../services/sources/sync-source.ts';
import { defineJob } from './define-job.ts';

/**
 * A scheduled sync of one source, enqueued by the source scheduler when its `next_sync_at` is due.
 * A job that arrives late (the source was synced meanwhile, deleted, or taken off its schedule)
 * does nothing, so a duplicate enqueue never syncs twice.
 */
export const sourceSync = defineJob({
  name: 'source.sync',
  schema: z.object({ workspaceId: z.uuid(), sourceId: z.uuid() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  async handler({ workspaceId, sourceId }, { db, outbound }) {
    const source = await getSource(db, { workspaceId, id: sourceId });
    const now = new Date();
    if (!source || source.nextSyncAt === null || source.nextSyncAt > now) return;
    await syncSource(
      { db, workspaceId, actor: { kind: 'system', name: 'scheduler' } },
      { sourceId, trigger: 'schedule' },
      { outbound, now },
    );
  },
});
