import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockCrm, startMockCrm } from '../../mocks/crm/server.ts';
import {
  kill,
  listeningUrl,
  spawnToombos,
  type ToombosProcess,
  terminate,
} from '../helpers/spawn-toombos.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

interface Delivery {
  id: string;
  channel: string;
  state: string;
  remoteId: string | null;
  attempts: Array<{ outcome: string }>;
}

/**
 * Fault injection: the whole Toombos process is killed (SIGKILL) after the CRM accepted a batch but
 * before the delivery was marked sent. After a restart the delivery must end `sent`, found by a
 * status lookup, and the CRM must have seen no second copy.
 */
describe.each(databaseKinds)('a worker killed mid-call on %s', (kind) => {
  let crm: RunningMockCrm;
  let database: TestDatabase | undefined;
  let dataDir = '';
  const running: ToombosProcess[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    // `slow`: the CRM stores the batch at once and answers 5 s later, the window we kill in.
    crm = await startMockCrm({ port: 0, slowMs: 5_000 });
    dataDir = mkdtempSync(join(tmpdir(), 'toombos-crash-'));
    if (kind === 'postgres') database = await openTestDatabase('postgres');
    env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO_SOURCE: 'false',
      PRIVATE_NETWORK_ALLOWLIST: '127.0.0.1',
      RECONCILER_TICK_MS: '200',
      ...(database?.url ? { DATABASE_URL: database.url, TOOMBOS_SECRET_KEY: 'cd'.repeat(32) } : {}),
    };
  });
  afterAll(async () => {
    await Promise.all(running.map(terminate));
    await crm?.close();
    await database?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends sent after a restart, with zero duplicates at the CRM', {
    timeout: 120_000,
  }, async () => {
    const first = spawnToombos('start', { ...env, OUTBOUND_TIMEOUT_MS: '10000' });
    running.push(first);
    const url = await listeningUrl(first);
    const adminKey = await waitUntil(
      () => /Admin API key:\s+(\S+)/.exec(first.output.join(''))?.[1],
      {
        what: 'the admin key',
      },
    );
    const api = async (method: string, path: string, body?: object) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminKey}`,
          ...(body && { 'content-type': 'application/json' }),
        },
        ...(body && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return text === '' ? undefined : JSON.parse(text);
    };
    const connection = await api('POST', '/v1/connections', {
      name: 'Mock CRM',
      provider: 'crm',
      channel: 'email',
      config: { baseUrl: crm.url },
      credentials: { apiKey: crm.apiKey },
    });
    const campaign = await api('POST', '/v1/campaigns', {
      name: 'Crash',
      items: [
        {
          title: 'A slow exhale before bed: calmer nights this week',
          content:
            'Longer exhales calm the nervous system. Try four slow breaths before bed tonight.',
        },
      ],
      channels: ['email'],
    });
    await api('POST', `/v1/campaigns/${campaign.id}/publish`, {
      connections: { email: connection.id },
    });

    // The CRM has the batch; the worker is still waiting for the answer. Kill it now.
    await waitUntil(() => crm.state.batches.size === 1, { what: 'the CRM to store the batch' });
    await kill(first);

    const second = spawnToombos('start', {
      ...env,
      // A call older than 1.5 s is a dead worker's: resolve it by status lookup.
      OUTBOUND_TIMEOUT_MS: '1000',
      DELIVERY_STALE_SENDING_MS: '1500',
    });
    running.push(second);
    const restartedUrl = await listeningUrl(second);
    const deliveries = await waitUntil(
      async () => {
        const response = await fetch(`${restartedUrl}/v1/deliveries?campaign=${campaign.id}`, {
          headers: { authorization: `Bearer ${adminKey}` },
        });
        const page = (await response.json()) as { data: Delivery[] };
        return page.data.every((delivery) => delivery.state === 'sent') && page.data;
      },
      { what: 'the delivery to be sent after the restart', timeoutMs: 60_000 },
    );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.attempts.map((attempt) => attempt.outcome)).toEqual(['unknown', 'found']);
    expect(deliveries[0]?.remoteId).toBe([...crm.state.batches.keys()][0]);
    const stats = (await (
      await fetch(`${crm.url}/api/v1/stats`, { headers: { 'x-api-key': crm.apiKey } })
    ).json()) as { batches: number; duplicates: number };
    expect(stats).toMatchObject({ batches: 1, duplicates: 0 });
    const status = await fetch(`${restartedUrl}/v1/campaigns/${campaign.id}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(((await status.json()) as { state: string }).state).toBe('published');
  });
});
