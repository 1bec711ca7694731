import { z } from 'zod';
import { approveCampaign } from '../../services/approvals/approve-campaign.ts';
import { getCampaignApproval } from '../../services/approvals/get-campaign-approval.ts';
import { listApprovalQueue } from '../../services/approvals/list-approval-queue.ts';
import { rejectCampaign } from '../../services/approvals/reject-campaign.ts';
import { requestChanges } from '../../services/approvals/request-changes.ts';
import { submitCampaign } from '../../services/approvals/submit-campaign.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';
import { campaignApprovalSchema, queueEntrySchema } from './approval-schemas.ts';

const idParams = z.strictObject({ id: z.uuid() });

const decisionBody = z
  .strictObject({
    /** The stage decided on; refused (409) when another stage is the one waiting. */
    stageId: z.uuid().optional(),
    comment: z.string().max(5000).optional(),
  })
  .nullish();

const decisionDescription =
  'Acts on the active stage of the live round. Eligible: a member whose role or label the stage names, a member it names, an approver added by escalation, or a workspace admin (owner/admin member or `admin` key: an override, recorded as `via: admin`). Nobody decides on a campaign they created or edited (403), or twice in one round (409); an approver of a later stage is refused with 409 until the earlier stages are approved.';

export function approvalRoutes(app: App): void {
  app.post('/v1/campaigns/:id/submit', {
    config: { access: 'write' },
    schema: {
      tags: ['approvals'],
      summary: 'Submit a draft campaign for approval: the policy computes its level and says why',
      description:
        'A level without stages approves it at once; otherwise it waits in `pending_approval` with its first stage active. Drafts with errors cannot be submitted (422).',
      params: idParams,
      body: z.strictObject({}).nullish(),
      response: { 200: campaignApprovalSchema, ...problemResponses },
    },
    handler: (request) => submitCampaign(serviceContext(app, request), request.params),
  });

  // `read`: reviewers hold only the read scope; who may decide is the approval engine's business.
  app.post('/v1/campaigns/:id/approve', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary:
        'Approve the stage waiting for you; the next stage starts, or the campaign is approved',
      description: decisionDescription,
      params: idParams,
      body: decisionBody,
      response: { 200: campaignApprovalSchema, ...problemResponses },
    },
    handler: (request) =>
      approveCampaign(serviceContext(app, request), { ...request.body, id: request.params.id }),
  });

  app.post('/v1/campaigns/:id/reject', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'Reject (a comment is required): the round ends and the campaign returns to draft',
      description: decisionDescription,
      params: idParams,
      body: decisionBody,
      response: { 200: campaignApprovalSchema, ...problemResponses },
    },
    handler: (request) =>
      rejectCampaign(serviceContext(app, request), { ...request.body, id: request.params.id }),
  });

  app.post('/v1/campaigns/:id/request-changes', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'Request changes (a comment is required): the campaign returns to draft',
      description: decisionDescription,
      params: idParams,
      body: decisionBody,
      response: { 200: campaignApprovalSchema, ...problemResponses },
    },
    handler: (request) =>
      requestChanges(serviceContext(app, request), { ...request.body, id: request.params.id }),
  });

  app.get('/v1/campaigns/:id/approval', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary: 'The latest approval round of a campaign: level, why, stages, deadlines, decisions',
      params: idParams,
      response: { 200: campaignApprovalSchema, ...problemResponses },
    },
    handler: (request) => getCampaignApproval(serviceContext(app, request), request.params),
  });

  app.get('/v1/approvals', {
    config: { access: 'read' },
    schema: {
      tags: ['approvals'],
      summary:
        'Stages waiting for a decision, oldest first, with deadlines; `mine=pending` = your queue',
      description:
        '`mine=pending` lists the stages naming you (role, label, member id or escalation) that you have not decided on, of campaigns you did not create or edit. Without it, every waiting stage of the workspace.',
      querystring: pageQuerySchema.extend({ mine: z.enum(['pending']).optional() }),
      response: { 200: pageResponseSchema(queueEntrySchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) =>
        listApprovalQueue(serviceContext(app, request), {
          mine: request.query.mine === 'pending',
          ...page,
        }),
      ),
  });
}
