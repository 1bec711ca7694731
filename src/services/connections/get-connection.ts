import { getConnection as selectConnection } from '../../db/queries/connections.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type ConnectionView, toConnectionView } from './connection-view.ts';

export async function getConnection(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ConnectionView> {
  const row = await selectConnection(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Connection');
  return toConnectionView(row);
}
