import type { Db } from '../../db/client.ts';
import {
  type Connection,
  ensureSandboxConnection,
  getConnection,
} from '../../db/queries/connections.ts';
import type { DraftRow } from '../../db/queries/drafts.ts';
import { AppError } from '../../lib/errors.ts';
import type { ScheduleInput } from './schedule-input.ts';

/**
 * The connection each draft publishes to: the one named for its channel, else the channel's
 * sandbox. A draft made from a `dry_run` item always goes to the sandbox, whatever was named.
 */
export async function chooseConnections(
  db: Db,
  workspaceId: string,
  drafts: readonly DraftRow[],
  named: ScheduleInput['connections'] = {},
): Promise<Map<string, Connection>> {
  const byChannel = new Map<string, Connection>();
  const problems: Array<{ field: string; message: string }> = [];
  for (const [channel, id] of Object.entries(named)) {
    const connection = await getConnection(db, { workspaceId, id });
    const field = `connections.${channel}`;
    if (!connection) problems.push({ field, message: 'no such connection in this workspace' });
    else if (connection.channel !== channel)
      problems.push({ field, message: `is a ${connection.channel} connection` });
    else if (connection.status !== 'active')
      problems.push({ field, message: 'needs reconnecting (update its credentials) first' });
    else byChannel.set(channel, connection);
  }
  if (problems.length > 0)
    throw new AppError('unprocessable', 'Some connections cannot be used.', { errors: problems });
  const chosen = new Map<string, Connection>();
  for (const draft of drafts) {
    const connection = draft.dryRun ? undefined : byChannel.get(draft.channel);
    chosen.set(
      draft.id,
      connection ?? (await ensureSandboxConnection(db, { workspaceId, channel: draft.channel })),
    );
  }
  return chosen;
}
