import type { NewAuditEntry } from '../../db/queries/audit-log.ts';

/** An audit entry about a campaign (the resource most decisions concern). */
export function campaignAudit(
  workspaceId: string,
  campaignId: string,
  actor: string,
  action: string,
  fields: Pick<NewAuditEntry, 'before' | 'after' | 'data'> = {},
): NewAuditEntry {
  return {
    workspaceId,
    action,
    resourceType: 'campaign',
    resourceId: campaignId,
    actor,
    ...fields,
  };
}
