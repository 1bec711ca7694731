import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import { getMember } from '../../services/members/get-member.ts';
import { inviteMember, inviteMemberInput } from '../../services/members/invite-member.ts';
import { listMembers } from '../../services/members/list-members.ts';
import { memberViewSchema } from '../../services/members/member-view.ts';
import { removeMember } from '../../services/members/remove-member.ts';
import { updateMember, updateMemberInput } from '../../services/members/update-member.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

const idParams = z.strictObject({ id: z.uuid() });

const invitedMemberSchema = memberViewSchema.extend({
  setupToken: z.string(),
  setupUrl: z.string().describe('Send this link to the member; it works once, for 7 days.'),
});

export function memberRoutes(app: App): void {
  app.get('/v1/members', {
    config: { access: 'read' },
    schema: {
      tags: ['members'],
      summary: 'List the members of the workspace',
      querystring: pageQuerySchema,
      response: { 200: pageResponseSchema(memberViewSchema), ...problemResponses },
    },
    handler: (request) =>
      paginate(request.query, (page) => listMembers(serviceContext(app, request), page)),
  });

  app.post('/v1/members', {
    config: { access: 'admin' },
    schema: {
      tags: ['members'],
      summary:
        'Invite a member; the one-time `setupToken` and `setupUrl` are in this response only',
      description: 'Only an owner (signed in) may invite another owner. ',
      body: inviteMemberInput,
      response: { 201: invitedMemberSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const invited = await inviteMember(serviceContext(app, request), request.body);
      // A fragment, not a query string: browsers never send it, so the token stays out of logs.
      const setupUrl = `${publicUrl(app.deps.config)}/setup#token=${invited.setupToken}`;
      return reply.code(201).send({ ...invited, setupUrl });
    },
  });

  app.get('/v1/members/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['members'],
      summary: 'One member',
      params: idParams,
      response: { 200: memberViewSchema, ...problemResponses },
    },
    handler: (request) => getMember(serviceContext(app, request), request.params),
  });

  app.patch('/v1/members/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['members'],
      summary: "Change a member's name, role or labels",
      description:
        'Only an owner (signed in) may grant or remove the owner role; the last owner cannot be ' +
        'demoted (409). ',
      params: idParams,
      body: updateMemberInput,
      response: { 200: memberViewSchema, ...problemResponses },
    },
    handler: (request) =>
      updateMember(serviceContext(app, request), { ...request.body, id: request.params.id }),
  });

  app.delete('/v1/members/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['members'],
      summary: 'Remove a member and end their sessions',
      description:
        'Only an owner (signed in) may remove an owner; the last owner cannot be removed (409). ',
      params: idParams,
      response: { 204: z.null().describe('Removed'), ...problemResponses },
    },
    handler: async (request, reply) => {
      await removeMember(serviceContext(app, request), request.params);
      return reply.code(204).send(null);
    },
  });
}
