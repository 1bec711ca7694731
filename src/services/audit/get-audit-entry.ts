import { getAuditEntry as selectEntry } from '../../db/queries/audit-log.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type AuditEntryView, toAuditEntryView } from './audit-view.ts';

export async function getAuditEntry(
  ctx: ServiceContext,
  { id }: { id: number },
): Promise<AuditEntryView> {
  const row = await selectEntry(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('Audit entry');
  return toAuditEntryView(row);
}
