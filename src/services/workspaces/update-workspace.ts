import { z } from 'zod';
import { getWorkspace, updateWorkspace as writeWorkspace } from '../../db/queries/workspaces.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { isTimeZone } from '../../lib/time-zone.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { brandProfileSchema, toWorkspaceView, type WorkspaceView } from './workspace-view.ts';

export const updateWorkspaceInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .optional(),
  /** Merged into the stored profile; send a key with a new value to replace it. */
  brand: brandProfileSchema.optional(),
});
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceInput>;

export async function updateWorkspace(
  ctx: ServiceContext,
  input: UpdateWorkspaceInput,
): Promise<WorkspaceView> {
  return ctx.db.transaction(async (tx) => {
    const current = await getWorkspace(tx, { workspaceId: ctx.workspaceId });
    if (!current) throw notFound('Workspace');
    const row = await writeWorkspace(
      tx,
      { workspaceId: ctx.workspaceId },
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        ...(input.brand !== undefined && { brand: { ...current.brand, ...input.brand } }),
      },
    );
    if (!row) throw notFound('Workspace');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'workspace.updated',
      subjectType: 'workspace',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { fields: Object.keys(input) },
    });
    return toWorkspaceView(row);
  });
}
