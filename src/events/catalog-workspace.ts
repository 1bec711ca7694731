import { z } from 'zod';
import { define, type EventDefinition, fields, id, iso, MEMBER } from './event-definition.ts';

/**
 * Events of workspaces, keys, members, sources, tones, connections, webhooks and the system (see
 * catalog.ts).
 */
export const workspaceEvents = {
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
