import { z } from 'zod';
import type { AuditEntry } from '../../db/queries/audit-log.ts';

export const auditEntrySchema = z
  .object({
    id: z.string(),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string(),
    /** `member:<id>`, `api_key:<id>`, `review_link:<id>` or `system:<name>`. */
    actor: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export function toAuditEntryView(row: AuditEntry): AuditEntryView {
  return {
    id: String(row.id),
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    actor: row.actor,
    before: row.before,
    after: row.after,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  };
}
