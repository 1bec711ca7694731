import type { Db } from '../../db/client.ts';
import { touchApiKey } from '../../db/queries/api-keys.ts';

/** last_used_at is for humans ("used 3 minutes ago"): at most one write per key per minute. */
export const API_KEY_USE_RESOLUTION_MS = 60_000;

export async function recordApiKeyUse(
  db: Db,
  { workspaceId, id, now = new Date() }: { workspaceId: string; id: string; now?: Date },
): Promise<void> {
  await touchApiKey(db, {
    workspaceId,
    id,
    now,
    olderThan: new Date(now.getTime() - API_KEY_USE_RESOLUTION_MS),
  });
}
