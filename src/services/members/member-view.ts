import { z } from 'zod';
import { approverRole } from '../../approvals/policy.ts';
import type { Member } from '../../db/queries/members.ts';
import { roles } from '../../db/schema.ts';

/** Workspace-defined labels approval stages may name (`marketing`, `executive`, `legal`). */
export const memberLabels = z
  .array(approverRole)
  .max(20)
  .transform((labels) => [...new Set(labels)].sort());

/** What the API shows of a member: never the password hash nor the setup-token hash. */
export const memberViewSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    labels: z.array(z.string()),
    /** `pending` until the member has chosen a password through their setup link. */
    status: z.enum(['pending', 'active']),
    /** When the unused setup link stops working; null once setup is done. */
    setupExpiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof memberViewSchema>;

export function toMemberView(row: Member): MemberView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    labels: row.labels,
    status: row.passwordHash ? 'active' : 'pending',
    setupExpiresAt: row.setupTokenExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
