import { policySchema } from '../../approvals/policy.ts';
import { getApprovalPolicy } from '../../services/approvals/get-approval-policy.ts';
import { policyViewSchema } from '../../services/approvals/policy-view.ts';
import { updateApprovalPolicy } from '../../services/approvals/update-approval-policy.ts';
import type { App } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

export function approvalPolicyRoutes(app: App): void {
  app.get('/v1/approval-policy', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: "The workspace's approval policy (the default until one is saved)",
      response: { 200: policyViewSchema, ...problemResponses },
    },
    handler: (request) => getApprovalPolicy(serviceContext(app, request)),
  });

  app.put('/v1/approval-policy', {
    config: { access: 'admin' },
    schema: {
      tags: ['approvals'],
      summary: 'Replace the approval policy: levels, their stages, the rules choosing a level',
      description:
        'Rules are tried in order; the first whose conditions all hold chooses the level (`defaultLevel` when none does). Levels are ordered lightest to strictest: an overdue stage escalates to the next level’s approvers. `legalStage` is added whenever a draft makes a health or medical claim. Rounds already open keep their stages.',
      body: policySchema,
      response: { 200: policyViewSchema, ...problemResponses },
    },
    handler: (request) => updateApprovalPolicy(serviceContext(app, request), request.body),
  });
}
