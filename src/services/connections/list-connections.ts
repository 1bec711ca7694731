import { listConnections as selectConnections } from '../../db/queries/connections.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';
import { type ConnectionView, toConnectionView } from './connection-view.ts';

/** The workspace's connections, oldest first (sandboxes made on first publish included). */
export async function listConnections(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<ConnectionView[]> {
  const rows = await selectConnections(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toConnectionView);
}
