import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  databaseKinds,
  openTestDatabase,
  type TestDatabase,
} from '../../../test/helpers/test-database.ts';
import { listOutboxMessages } from '../../db/queries/outbox.ts';
import { defaultOutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import { createWorkspaceWithOwner } from '../../services/workspaces/bootstrap-workspace.ts';
import type { ChannelCall } from '../define-channel.ts';
import { describeChannel } from '../describe-channel.ts';
import type { OutgoingMessage } from '../outgoing-message.ts';
import { sandbox } from './index.ts';

// The outbox is local: no credentials to expire, no rate limit, no server to fail or hang, so
// those contract cases are reported as skipped.
describe.each(databaseKinds)('sandbox on %s', (kind) => {
  let testDatabase: TestDatabase;
  let workspaceId: string;

  beforeAll(async () => {
    testDatabase = await openTestDatabase(kind);
    ({ workspaceId } = await createWorkspaceWithOwner(testDatabase.database.db, {
      name: 'Sandbox contract',
      slug: `sandbox-${randomUUID()}`,
      ownerEmail: `owner-${randomUUID()}@example.test`,
    }));
  });
  afterAll(async () => {
    await testDatabase?.close();
  });

  const call = (): ChannelCall<Record<string, never>, Record<string, never>> => ({
    config: {},
    credentials: {},
    outbound: defaultOutboundPolicy,
    db: testDatabase.database.db,
    workspaceId,
  });

  const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => {
    const deliveryId = randomUUID();
    return {
      deliveryId,
      campaignId: randomUUID(),
      channel: 'x',
      idempotencyKey: `toombos-${deliveryId}`,
      content: {
        channel: 'x',
        posts: [{ text: 'What changed in March, in one thread.', length: 37 }],
        link: null,
        hashtags: [],
        itemKeys: [],
      },
      ...overrides,
    };
  };

  describeChannel(sandbox, {
    call,
    message,
    remoteIds: async () => {
      const rows = await listOutboxMessages(testDatabase.database.db, { workspaceId, limit: 1000 });
      return rows.map((row) => `outbox:${row.id}`);
    },
  });
});
