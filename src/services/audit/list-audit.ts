import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { getApiKey } from '../../db/queries/api-keys.ts';
import { hasAuditEntriesFor, listAuditEntries } from '../../db/queries/audit-log.ts';
import { getCampaign } from '../../db/queries/campaigns.ts';
import { getDraft } from '../../db/queries/drafts.ts';
import { getMember } from '../../db/queries/members.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import { getReviewLink } from '../../db/queries/review-links.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type AuditEntryView, toAuditEntryView } from './audit-view.ts';

export const auditQuery = z.strictObject({
  /** `<type>` or `<type>:<id>`, e.g. `campaign:5f0c…`. */
  resource: z
    .string()
    .regex(/^[a-z_]+(:[^\s]+)?$/, 'is `<type>` or `<type>:<id>`, e.g. campaign:<uuid>')
    .max(200)
    .optional(),
  /** An actor label: `member:<id>`, `api_key:<id>`, `review_link:<id>`, `system:<name>`. */
  actor: z
    .string()
    .regex(
      /^(member|api_key|review_link|system):[^\s]+$/,
      'is an actor label such as member:<uuid>',
    )
    .max(200)
    .optional(),
  since: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

const uuid = z.uuid();

/**
 * The workspace's audit log, oldest first, filtered by resource, actor and time. Naming a resource
 * or actor this workspace does not have is a 404, as reading it anywhere else would be.
 */
export async function listAudit(
  ctx: ServiceContext,
  query: AuditQuery & { limit: number; after?: PageAfter | undefined },
): Promise<AuditEntryView[]> {
  const [resourceType, resourceId] = splitResource(query.resource);
  if (resourceType !== undefined && resourceId !== undefined)
    await assertResourceOfWorkspace(ctx, resourceType, resourceId);
  if (query.actor !== undefined) await assertActorOfWorkspace(ctx.db, ctx.workspaceId, query.actor);
  const rows = await listAuditEntries(ctx.db, {
    workspaceId: ctx.workspaceId,
    resourceType,
    resourceId,
    actor: query.actor,
    since: query.since === undefined ? undefined : new Date(query.since),
    limit: query.limit,
    after: query.after,
  });
  return rows.map(toAuditEntryView);
}

function splitResource(resource: string | undefined): [string | undefined, string | undefined] {
  if (resource === undefined) return [undefined, undefined];
  const colon = resource.indexOf(':');
  return colon === -1
    ? [resource, undefined]
    : [resource.slice(0, colon), resource.slice(colon + 1)];
}

async function assertResourceOfWorkspace(
  ctx: ServiceContext,
  type: string,
  id: string,
): Promise<void> {
  const scope = { workspaceId: ctx.workspaceId, id };
  const isUuid = uuid.safeParse(id).success;
  const found =
    type === 'campaign'
      ? isUuid && (await getCampaign(ctx.db, scope)) !== undefined
      : type === 'draft'
        ? isUuid && (await getDraft(ctx.db, scope)) !== undefined
        : type === 'approval_policy'
          ? id === ctx.workspaceId
          : await hasAuditEntriesFor(ctx.db, {
              workspaceId: ctx.workspaceId,
              resourceType: type,
              resourceId: id,
            });
  if (!found) throw notFound(`Resource ${type}:${id}`);
}

async function assertActorOfWorkspace(db: Db, workspaceId: string, actor: string): Promise<void> {
  const colon = actor.indexOf(':');
  const kind = actor.slice(0, colon);
  const id = actor.slice(colon + 1);
  if (kind === 'system') return;
  const scope = { workspaceId, id };
  const found =
    uuid.safeParse(id).success &&
    (kind === 'member'
      ? await getMember(db, scope)
      : kind === 'api_key'
        ? await getApiKey(db, scope)
        : await getReviewLink(db, scope)) !== undefined;
  if (!found) throw notFound(`Actor ${actor}`);
}
