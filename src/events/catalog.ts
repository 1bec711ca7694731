import { z } from 'zod';

/**
 * Every event the engine emits (PRODUCT.md §11): its meaning, what it is about (`subject`), the
 * schema of its `data` and an example. `NewEvent.type` is `EventType`, so emitting a type that is
 * not here does not compile; catalog.test.ts also checks the sources for literal types.
 *
 * Data schemas are loose objects: they name and type every field emitted today, and a field added
 * later (additive change) does not make older readers' schemas reject the event.
 */
export interface EventDefinition<Data extends z.ZodType = z.ZodType> {
  summary: string;
  /** The kind of resource in `subject_type`, or null when the event has none. */
  subject: string | null;
  data: Data;
  example: z.input<Data>;
}

const id = z.string();
const iso = z.string();
const fields = z.array(z.string());
const stage = z.looseObject({
  stageId: id,
  position: z.number().int(),
  name: z.string().nullable(),
  mode: z.string(),
  approvers: z.unknown(),
  escalated: z.unknown(),
  deadlineAt: iso.nullable(),
});
const stageExample = {
  stageId: '5f0c8c1e-8f7a-4c39-9d53-0d3a3f7c2b11',
  position: 1,
  name: 'Editorial',
  mode: 'any',
  approvers: { roles: ['editor'], members: [] },
  escalated: false,
  deadlineAt: '2026-05-04T10:00:00.000Z',
};
const CAMPAIGN = 'a3b5c7d9-1111-4a2b-8c3d-4e5f6a7b8c9d';
const DELIVERY = 'd1e2f3a4-2222-4b3c-9d4e-5f6a7b8c9d0e';
const REQUEST = 'c0ffee00-3333-4c4d-8e5f-6a7b8c9d0e1f';
const MEMBER = 'b0b0b0b0-4444-4d5e-9f6a-7b8c9d0e1f2a';
const delivery = z.looseObject({ campaignId: id, channel: z.string(), batch: z.unknown() });
const deliveryExample = { campaignId: CAMPAIGN, channel: 'newsletter', batch: null };
const transition = z.looseObject({ from: z.string() });
const publishError = z.looseObject({
  kind: z.string(),
  message: z.string(),
  vendorCode: z.string().nullable().optional(),
});
const decision = z.looseObject({
  requestId: id,
  stage: z.unknown(),
  via: z.string(),
  comment: z.string().nullable(),
});
const reopened = z.looseObject({
  reason: z.string(),
  previousRequestId: id.nullable(),
  approvalsReset: z.array(z.string()),
  state: z.string(),
  level: z.string().nullable(),
});
const reopenedExample = {
  reason: 'draft edited',
  previousRequestId: REQUEST,
  approvalsReset: [`member:${MEMBER}`],
  state: 'pending_approval',
  level: 'standard',
};

function define<Data extends z.ZodType>(definition: EventDefinition<Data>): EventDefinition<Data> {
  return definition;
}

export const eventCatalog = {
  'workspace.created': define({
    summary: 'A workspace was created with its owner and first admin key.',
    subject: 'workspace',
    data: z.looseObject({ ownerId: id, apiKeyId: id }),
    example: { ownerId: MEMBER, apiKeyId: 'e5e5e5e5-5555-4e6f-8a7b-8c9d0e1f2a3b' },
  }),
  'workspace.updated': define({
    summary: "The workspace's settings changed; `fields` names them.",
    subject: 'workspace',
    data: z.looseObject({ fields }),
    example: { fields: ['name', 'timezone'] },
  }),
  'api_key.created': define({
    summary: 'An API key was created (its secret is never in an event).',
    subject: 'api_key',
    data: z.looseObject({ name: z.string(), scopes: z.array(z.string()) }),
    example: { name: 'CI', scopes: ['read', 'write'] },
  }),
  'api_key.revoked': define({
    summary: 'An API key was revoked.',
    subject: 'api_key',
    data: z.looseObject({ name: z.string() }),
    example: { name: 'CI' },
  }),
  'member.invited': define({
    summary: 'A member was invited.',
    subject: 'member',
    data: z.looseObject({ email: z.string(), role: z.string(), labels: z.array(z.string()) }),
    example: { email: 'ana@example.com', role: 'editor', labels: ['legal'] },
  }),
  'member.setup_completed': define({
    summary: 'An invited member set a password and can sign in.',
    subject: 'member',
    data: z.looseObject({ email: z.string() }),
    example: { email: 'ana@example.com' },
  }),
  'member.updated': define({
    summary: "A member's name, role or labels changed.",
    subject: 'member',
    data: z.looseObject({
      fields,
      fromRole: z.string().optional(),
      toRole: z.string().optional(),
      fromLabels: z.array(z.string()).optional(),
      toLabels: z.array(z.string()).optional(),
    }),
    example: { fields: ['role'], fromRole: 'viewer', toRole: 'editor' },
  }),
  'member.removed': define({
    summary: 'A member was removed from the workspace.',
    subject: 'member',
    data: z.looseObject({ email: z.string(), role: z.string() }),
    example: { email: 'ana@example.com', role: 'editor' },
  }),
  'member.logged_in': define({
    summary: 'A member signed in to the dashboard.',
    subject: 'member',
    data: z.looseObject({}),
    example: {},
  }),
  'member.logged_out': define({
    summary: 'A member signed out.',
    subject: 'member',
    data: z.looseObject({}),
    example: {},
  }),
  'source.created': define({
    summary: 'A content source was added.',
    subject: 'source',
    data: z.looseObject({ name: z.string(), kind: z.string() }),
    example: { name: 'Weekly notes', kind: 'url' },
  }),
  'source.updated': define({
    summary: "A source's settings changed.",
    subject: 'source',
    data: z.looseObject({ fields }),
    example: { fields: ['schedule'] },
  }),
  'source.deleted': define({
    summary: 'A source was deleted.',
    subject: 'source',
    data: z.looseObject({ name: z.string(), kind: z.string() }),
    example: { name: 'Weekly notes', kind: 'url' },
  }),
  'source.synced': define({
    summary: 'A source was fetched and parsed: a new snapshot (`created`) or none (`unchanged`).',
    subject: 'source',
    data: z.looseObject({
      status: z.string(),
      snapshotId: id.nullable(),
      trigger: z.string(),
      counts: z
        .looseObject({
          items: z.number().int(),
          added: z.number().int(),
          changed: z.number().int(),
          removed: z.number().int(),
          unchanged: z.number().int(),
          warnings: z.number().int(),
        })
        .nullable(),
    }),
    example: {
      status: 'created',
      snapshotId: 'f1f2f3f4-6666-4f7a-8b9c-0d1e2f3a4b5c',
      trigger: 'schedule',
      counts: { items: 12, added: 2, changed: 1, removed: 0, unchanged: 9, warnings: 0 },
    },
  }),
  'source.sync_failed': define({
    summary: 'A sync failed; the latest snapshot stays as it was.',
    subject: 'source',
    data: z.looseObject({
      trigger: z.string(),
      error: z.unknown(),
      latestSnapshotId: id.nullable(),
    }),
    example: {
      trigger: 'manual',
      error: { kind: 'fetch_failed', message: 'HTTP 503 from the source' },
      latestSnapshotId: null,
    },
  }),
  'tone.saved': define({
    summary: 'A tone was created or replaced.',
    subject: 'tone',
    data: z.looseObject({ name: z.string(), mode: z.string() }),
    example: { name: 'Friendly', mode: 'created' },
  }),
  'tone.deleted': define({
    summary: 'A tone was deleted.',
    subject: 'tone',
    data: z.looseObject({}),
    example: {},
  }),
  'campaign.created': define({
    summary: 'A campaign was created with its drafts.',
    subject: 'campaign',
    data: z.looseObject({
      name: z.string(),
      channels: z.array(z.string()),
      drafts: z.number().int(),
      state: z.string(),
    }),
    example: { name: 'May newsletter', channels: ['newsletter', 'x'], drafts: 2, state: 'draft' },
  }),
  'draft.edited': define({
    summary: 'A draft was edited; `version` is its new version.',
    subject: 'draft',
    data: z.looseObject({ campaignId: id, version: z.number().int(), fields }),
    example: { campaignId: CAMPAIGN, version: 3, fields: ['body'] },
  }),
  'campaign.approved': define({
    summary: 'A campaign is approved (by its last stage, or by the policy itself).',
    subject: 'campaign',
    data: z.looseObject({ requestId: id, level: z.string(), reason: z.string().optional() }),
    example: { requestId: REQUEST, level: 'standard' },
  }),
  'campaign.returned_to_draft': define({
    summary: 'A campaign went back to draft (rejected, changes requested, or a draft has errors).',
    subject: 'campaign',
    data: z.looseObject({ from: z.string(), reason: z.string() }),
    example: { from: 'pending_approval', reason: 'rejected at stage 1' },
  }),
  'campaign.scheduled': define({
    summary:
      'A campaign was scheduled (with its deliveries), or a failed one is waiting to be retried (`from`).',
    subject: 'campaign',
    data: z.looseObject({
      at: iso.optional(),
      zone: z.string().optional(),
      sendBy: iso.nullable().optional(),
      deliveries: z
        .array(z.looseObject({ id, channel: z.string(), connectionId: id.nullable(), dueAt: iso }))
        .optional(),
      from: z.string().optional(),
    }),
    example: {
      at: '2026-05-04T09:00:00.000Z',
      zone: 'Europe/Paris',
      sendBy: null,
      deliveries: [
        {
          id: DELIVERY,
          channel: 'newsletter',
          connectionId: '0c0c0c0c-7777-4a8b-9c0d-1e2f3a4b5c6d',
          dueAt: '2026-05-04T09:00:00.000Z',
        },
      ],
    },
  }),
  'campaign.rescheduled': define({
    summary: 'A scheduled campaign was moved to another time.',
    subject: 'campaign',
    data: z.looseObject({
      at: iso,
      zone: z.string(),
      sendBy: iso.nullable(),
      deliveries: z.array(z.unknown()),
    }),
    example: { at: '2026-05-05T09:00:00.000Z', zone: 'Europe/Paris', sendBy: null, deliveries: [] },
  }),
  'campaign.cancelled': define({
    summary: 'A campaign was cancelled (by a person, or because its window passed).',
    subject: 'campaign',
    data: z.looseObject({ from: z.string(), deliveries: z.number().int().optional() }),
    example: { from: 'scheduled', deliveries: 2 },
  }),
  'campaign.publishing': define({
    summary: "A campaign's first delivery started.",
    subject: 'campaign',
    data: transition,
    example: { from: 'scheduled' },
  }),
  'campaign.published': define({
    summary: 'Every delivery of the campaign was sent.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'campaign.partially_failed': define({
    summary: 'Some deliveries were sent, some failed or were cancelled.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'campaign.failed': define({
    summary: 'No delivery of the campaign was sent.',
    subject: 'campaign',
    data: transition,
    example: { from: 'publishing' },
  }),
  'approval_policy.updated': define({
    summary: "The workspace's approval policy changed.",
    subject: 'approval_policy',
    data: z.looseObject({ version: z.number().int() }),
    example: { version: 4 },
  }),
  'approval.requested': define({
    summary: 'An approval stage became active: its approvers are asked.',
    subject: 'campaign',
    data: z.looseObject({
      requestId: id,
      level: z.string(),
      campaignName: z.string(),
      stage,
    }),
    example: {
      requestId: REQUEST,
      level: 'standard',
      campaignName: 'May newsletter',
      stage: stageExample,
    },
  }),
  'approval.granted': define({
    summary: 'An approver approved; `stageComplete` says whether the stage is done.',
    subject: 'campaign',
    data: decision.extend({ stageComplete: z.boolean() }),
    example: {
      requestId: REQUEST,
      stage: { id: stageExample.stageId, position: 1, name: 'Editorial' },
      via: 'api',
      comment: null,
      stageComplete: true,
    },
  }),
  'approval.rejected': define({
    summary: 'An approver rejected the campaign.',
    subject: 'campaign',
    data: decision,
    example: { requestId: REQUEST, stage: stageExample, via: 'dashboard', comment: 'Off brand' },
  }),
  'approval.changes_requested': define({
    summary: 'An approver asked for changes.',
    subject: 'campaign',
    data: decision,
    example: {
      requestId: REQUEST,
      stage: stageExample,
      via: 'review_link',
      comment: 'Fix the date',
    },
  }),
  'approval.reminder': define({
    summary: "A stage's approvers were reminded before its deadline.",
    subject: 'campaign',
    data: z.looseObject({ requestId: id, stage }),
    example: { requestId: REQUEST, stage: stageExample },
  }),
  'approval.overdue': define({
    summary: 'A stage passed its SLA; it escalates to the next level when there is one.',
    subject: 'campaign',
    data: z.looseObject({
      requestId: id,
      level: z.string(),
      stage: z.looseObject({ id, position: z.number().int(), name: z.string().nullable() }),
      deadlineAt: iso.nullable(),
      escalatedTo: z.unknown().nullable(),
      nextDeadlineAt: iso.nullable(),
    }),
    example: {
      requestId: REQUEST,
      level: 'standard',
      stage: { id: stageExample.stageId, position: 1, name: 'Editorial' },
      deadlineAt: '2026-05-04T10:00:00.000Z',
      escalatedTo: { level: 'sensitive', roles: ['admin'], members: [] },
      nextDeadlineAt: '2026-05-04T14:00:00.000Z',
    },
  }),
  'approval.reset': define({
    summary: 'A draft was edited after approvals: the round closed and a new one opened.',
    subject: 'campaign',
    data: reopened,
    example: reopenedExample,
  }),
  'approval.expired': define({
    summary: 'An approval lapsed before publishing: the campaign is evaluated again.',
    subject: 'campaign',
    data: reopened,
    example: { ...reopenedExample, reason: 'approval expired' },
  }),
  'comment.added': define({
    summary: 'A comment was added on a campaign (optionally on a draft, or as a reply).',
    subject: 'campaign',
    data: z.looseObject({
      commentId: id,
      draftId: id.nullable(),
      parentId: id.nullable(),
      mentions: z.array(z.string()),
    }),
    example: {
      commentId: 'aa11bb22-8888-4c9d-8e0f-1a2b3c4d5e6f',
      draftId: null,
      parentId: null,
      mentions: [MEMBER],
    },
  }),
  'comment.mentioned': define({
    summary: 'A member was mentioned in a comment.',
    subject: 'member',
    data: z.looseObject({
      commentId: id,
      campaignId: id,
      draftId: id.nullable(),
      excerpt: z.string(),
    }),
    example: {
      commentId: 'aa11bb22-8888-4c9d-8e0f-1a2b3c4d5e6f',
      campaignId: CAMPAIGN,
      draftId: null,
      excerpt: '@ana can you check the date?',
    },
  }),
  'review_link.created': define({
    summary: 'A review link was created for an outside reviewer.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id, reviewerName: z.string().nullable(), expiresAt: iso }),
    example: { campaignId: CAMPAIGN, reviewerName: 'Legal', expiresAt: '2026-05-10T00:00:00.000Z' },
  }),
  'review_link.opened': define({
    summary: 'A review link was opened.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id }),
    example: { campaignId: CAMPAIGN },
  }),
  'review_link.used': define({
    summary: 'A decision was made through a review link.',
    subject: 'review_link',
    data: z.looseObject({
      campaignId: id,
      decision: z.string(),
      reviewerName: z.string().nullable(),
    }),
    example: { campaignId: CAMPAIGN, decision: 'approve', reviewerName: 'Legal' },
  }),
  'review_link.revoked': define({
    summary: 'A review link was revoked.',
    subject: 'review_link',
    data: z.looseObject({ campaignId: id }),
    example: { campaignId: CAMPAIGN },
  }),
  'connection.created': define({
    summary: 'A connection to a destination was added.',
    subject: 'connection',
    data: z.looseObject({ name: z.string(), provider: z.string(), channel: z.string() }),
    example: { name: 'Main list', provider: 'mock-platform', channel: 'newsletter' },
  }),
  'connection.updated': define({
    summary: 'A connection changed; a status change carries `fromStatus` and `toStatus`.',
    subject: 'connection',
    data: z.looseObject({
      fields,
      fromStatus: z.string().optional(),
      toStatus: z.string().optional(),
    }),
    example: { fields: ['credentials'], fromStatus: 'needs_reconnect', toStatus: 'active' },
  }),
  'connection.deleted': define({
    summary: 'A connection was deleted.',
    subject: 'connection',
    data: z.looseObject({ name: z.string(), provider: z.string(), channel: z.string() }),
    example: { name: 'Main list', provider: 'mock-platform', channel: 'newsletter' },
  }),
  'connection.needs_reconnect': define({
    summary: "A destination refused the connection's credentials: reconnect it.",
    subject: 'connection',
    data: z.looseObject({ message: z.string() }),
    example: { message: 'token expired' },
  }),
  'delivery.sending': define({
    summary: 'A delivery is being sent to its destination.',
    subject: 'delivery',
    data: delivery,
    example: deliveryExample,
  }),
  'delivery.sent': define({
    summary: 'A delivery was accepted by its destination.',
    subject: 'delivery',
    data: delivery.extend({ remoteId: z.string().nullable(), remoteUrl: z.string().nullable() }),
    example: {
      ...deliveryExample,
      remoteId: 'msg_8842',
      remoteUrl: 'https://platform.example/posts/8842',
    },
  }),
  'delivery.failed': define({
    summary: 'A delivery failed for good (permanent error, or out of retries).',
    subject: 'delivery',
    data: delivery.extend(publishError.shape),
    example: { ...deliveryExample, kind: 'rejected', message: 'Body too long', vendorCode: 'E413' },
  }),
  'delivery.retry_scheduled': define({
    summary: 'A delivery will be tried again at `dueAt`.',
    subject: 'delivery',
    data: delivery.extend({
      dueAt: iso.optional(),
      kind: z.string().optional(),
      message: z.string().optional(),
      reason: z.string().optional(),
    }),
    example: {
      ...deliveryExample,
      kind: 'transient',
      message: 'HTTP 503',
      vendorCode: null,
      dueAt: '2026-05-04T09:02:00.000Z',
    },
  }),
  'delivery.unknown': define({
    summary: 'A call ended without an answer: whether it was sent is being checked.',
    subject: 'delivery',
    data: delivery.extend({ message: z.string() }),
    example: { ...deliveryExample, message: 'socket hang up' },
  }),
  'delivery.cancelled': define({
    summary: 'A delivery was cancelled (its window passed).',
    subject: 'delivery',
    data: delivery.extend({ reason: z.string().optional() }),
    example: { ...deliveryExample, reason: 'missed_window' },
  }),
  'delivery.retry_requested': define({
    summary: 'Someone asked to retry a failed delivery.',
    subject: 'delivery',
    data: z.looseObject({ campaignId: id, channel: z.string(), from: z.string() }),
    example: { campaignId: CAMPAIGN, channel: 'newsletter', from: 'failed' },
  }),
  'webhook.created': define({
    summary: 'A webhook endpoint was added.',
    subject: 'webhook',
    data: z.looseObject({ url: z.string(), eventTypes: z.array(z.string()) }),
    example: { url: 'https://hooks.example.com/toombos', eventTypes: ['campaign.*'] },
  }),
  'webhook.updated': define({
    summary: "A webhook endpoint's URL, filter or status changed; `fields` names them.",
    subject: 'webhook',
    data: z.looseObject({ fields, status: z.string() }),
    example: { fields: ['status'], status: 'active' },
  }),
  'webhook.deleted': define({
    summary: 'A webhook endpoint was deleted.',
    subject: 'webhook',
    data: z.looseObject({ url: z.string() }),
    example: { url: 'https://hooks.example.com/toombos' },
  }),
  'webhook.disabled': define({
    summary:
      'A webhook endpoint was turned off after failing for too long; re-enable it with PATCH.',
    subject: 'webhook',
    data: z.looseObject({
      url: z.string(),
      reason: z.string(),
      failingSince: iso,
      lastStatusCode: z.number().int().nullable(),
    }),
    example: {
      url: 'https://hooks.example.com/toombos',
      reason: 'every attempt failed for 24 h',
      failingSince: '2026-05-03T09:00:00.000Z',
      lastStatusCode: 503,
    },
  }),
  'system.pong': define({
    summary: 'A worker answered a ping (queue round trip check).',
    subject: null,
    data: z.looseObject({ nonce: z.string(), jobId: z.string().nullable(), workerPid: z.number() }),
    example: { nonce: 'n-1', jobId: 'job-1', workerPid: 4242 },
  }),
} satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof eventCatalog;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
