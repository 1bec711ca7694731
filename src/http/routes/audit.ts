import { z } from 'zod';
import { auditEntrySchema } from '../../services/audit/audit-view.ts';
import { getAuditEntry } from '../../services/audit/get-audit-entry.ts';
import { auditQuery, listAudit } from '../../services/audit/list-audit.ts';
import type { App } from '../fastify-types.ts';
import { pageQuerySchema, pageResponseSchema, paginate } from '../pagination.ts';
import { problemResponses } from '../problem-schema.ts';
import { serviceContext } from '../service-context.ts';

/** Read-only on purpose: the audit log has no route that changes it, and the database refuses to. */
export function auditRoutes(app: App): void {
  app.get('/v1/audit', {
    config: { access: 'read' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log: every decision, edit, schedule and publish, oldest first',
      description:
        'Filters: `resource` (`campaign`, or `campaign:<id>`; also `draft`, `delivery`, `member`, `review_link`, `approval_policy`), `actor` (`member:<id>`, `api_key:<id>`, `review_link:<id>`, `system:<name>`), `since` (ISO 8601). A resource or actor of another workspace is a 404. Entries are append-only: no API updates or deletes them.',
      querystring: pageQuerySchema.extend(auditQuery.shape),
      response: { 200: pageResponseSchema(auditEntrySchema), ...problemResponses },
    },
    handler: (request) => {
      const { limit, cursor, ...filter } = request.query;
      return paginate({ limit, cursor }, (page) =>
        listAudit(serviceContext(app, request), { ...filter, ...page }),
      );
    },
  });

  app.get('/v1/audit/:id', {
    config: { access: 'read' },
    schema: {
      tags: ['audit'],
      summary: 'One audit entry',
      params: z.strictObject({
        id: z.string().regex(/^[1-9][0-9]{0,17}$/, 'is an audit entry id'),
      }),
      response: { 200: auditEntrySchema, ...problemResponses },
    },
    handler: (request) =>
      getAuditEntry(serviceContext(app, request), { id: Number(request.params.id) }),
  });
}
