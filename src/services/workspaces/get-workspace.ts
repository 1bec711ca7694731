import { getWorkspace as selectWorkspace } from '../../db/queries/workspaces.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { toWorkspaceView, type WorkspaceView } from './workspace-view.ts';

export async function getWorkspace(ctx: ServiceContext): Promise<WorkspaceView> {
  const row = await selectWorkspace(ctx.db, { workspaceId: ctx.workspaceId });
  if (!row) throw notFound('Workspace');
  return toWorkspaceView(row);
}
