import { z } from 'zod';
import { defaultPolicy } from '../../approvals/default-policy.ts';
import { type ApprovalPolicy, policySchema } from '../../approvals/policy.ts';
import type { ApprovalPolicyRow } from '../../db/queries/approval-policies.ts';

export const policyViewSchema = z
  .object({
    policy: policySchema,
    /** True while the workspace has not saved a policy of its own. */
    isDefault: z.boolean(),
    version: z.number().int(),
    updatedBy: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApprovalPolicy' });
export type PolicyView = z.infer<typeof policyViewSchema>;

export function toPolicyView(row: ApprovalPolicyRow | undefined): PolicyView {
  if (!row)
    return { policy: defaultPolicy, isDefault: true, version: 0, updatedBy: null, updatedAt: null };
  return {
    policy: row.policy,
    isDefault: false,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The policy in force: the workspace's own, else the default. */
export function policyInForce(row: ApprovalPolicyRow | undefined): ApprovalPolicy {
  return row?.policy ?? defaultPolicy;
}
