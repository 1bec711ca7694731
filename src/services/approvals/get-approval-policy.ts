import { getApprovalPolicy as selectPolicy } from '../../db/queries/approval-policies.ts';
import type { ServiceContext } from '../context.ts';
import { type PolicyView, toPolicyView } from './policy-view.ts';

export async function getApprovalPolicy(ctx: ServiceContext): Promise<PolicyView> {
  return toPolicyView(await selectPolicy(ctx.db, { workspaceId: ctx.workspaceId }));
}
