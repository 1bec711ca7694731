import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { events, sources } from '../../src/db/schema.ts';
import { startSourceScheduler } from '../../src/jobs/source-scheduler.ts';
import { workerContext } from '../../src/jobs/worker-context.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type DocumentServer, serve, startDocumentServer } from '../helpers/document-server.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';
import { waitUntil } from '../helpers/wait-until.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

interface SyncResult {
  status: 'created' | 'unchanged' | 'failed';
  snapshotId: string | null;
  counts: { items: number } | null;
  error: { code: string; message: string } | null;
}
interface SourceView {
  id: string;
  latestSnapshotId: string | null;
  lastSync: { status: string; error: { code: string; message: string } | null } | null;
}

// The guard stays on: only `localhost` (the test server's name) is let through, so a redirect to
// 127.0.0.1 is refused like any other private address.
const env = { PRIVATE_NETWORK_ALLOWLIST: 'localhost', OUTBOUND_TIMEOUT_MS: '700' };

describe.each(databaseKinds)('URL sources on %s', (kind) => {
  let t: TestApp;
  let server: DocumentServer;
  let key = '';
  let workspaceId = '';
  beforeAll(async () => {
    t = await startTestApp(kind, env);
    server = await startDocumentServer();
    const workspace = await t.createWorkspace();
    key = workspace.adminKey;
    workspaceId = workspace.workspaceId;
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });

  async function createUrlSource(path: string, extra: object = {}) {
    const response = await call('POST', '/v1/sources', {
      kind: 'url',
      name: `Served ${path}`,
      url: `${server.origin}${path}`,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ source: SourceView; sync: SyncResult }>();
  }

  it('fetches Markdown, JSON and HTML documents by content type', async () => {
    server.routes.set('/weekly.md', serve('text/markdown; charset=utf-8', weekly));
    server.routes.set(
      '/items.json',
      serve(
        'application/json',
        JSON.stringify({ items: [{ title: 'From JSON', body: 'A body.' }] }),
      ),
    );
    server.routes.set(
      '/page.html',
      serve(
        'text/html',
        '<html><body><h1>Site</h1><h2>News</h2><h3>From HTML</h3><p>Hello <b>there</b>.</p><script>alert(1)</script></body></html>',
      ),
    );
    const markdown = await createUrlSource('/weekly.md');
    expect(markdown.sync).toMatchObject({ status: 'created', counts: { items: 9 } });
    const json = await createUrlSource('/items.json');
    expect(json.sync.counts?.items).toBe(1);
    const html = await createUrlSource('/page.html');
    expect(html.sync.status).toBe('created');
    const snapshot = (await call('GET', `/v1/snapshots/${html.sync.snapshotId}`)).json<{
      strategy: string;
      items: Array<{ title: string; body: string }>;
    }>();
    expect(snapshot.strategy).toBe('markdown');
    expect(snapshot.items.map((item) => item.title)).toEqual(['From HTML']);
    expect(JSON.stringify(snapshot.items)).not.toContain('alert');
  });

  it('ends every broken fetch as a failed sync with a clear reason, and keeps the previous snapshot', async () => {
    server.routes.set('/doc.md', serve('text/markdown', weekly));
    const { source, sync: first } = await createUrlSource('/doc.md');
    expect(first.status).toBe('created');
    const snapshotBefore = (await call('GET', `/v1/snapshots/${first.snapshotId}`)).body;
    server.routes.set('/secret', serve('text/plain', 'internal'));

    const failures: Array<{
      name: string;
      handler: Parameters<DocumentServer['routes']['set']>[1] | null;
      code: RegExp;
      message: RegExp;
    }> = [
      { name: '404', handler: null, code: /^http_status$/, message: /404/ },
      { name: 'timeout', handler: () => {}, code: /^timeout$/, message: /seconds|ms|time/i },
      {
        name: 'oversized body',
        handler: (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/markdown' });
          const chunk = Buffer.alloc(256 * 1024, 'a');
          let sent = 0;
          const pump = () => {
            while (sent < 6 * 1024 * 1024) {
              sent += chunk.length;
              if (!response.write(chunk)) return void response.once('drain', pump);
            }
            response.end();
          };
          response.on('error', () => {});
          pump();
        },
        code: /^too_large$/,
        message: /5 MB/,
      },
      {
        name: 'binary body',
        handler: serve(
          'application/octet-stream',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
        ),
        code: /^binary$/,
        message: /./,
      },
      {
        name: 'redirect to 127.0.0.1',
        handler: (_request, response) =>
          response.writeHead(302, { location: `${server.ipOrigin}/secret` }).end(),
        code: /^blocked_address$/,
        message: /127\.0\.0\.1|private|loopback/i,
      },
    ];
    for (const failure of failures) {
      if (failure.handler) server.routes.set('/doc.md', failure.handler);
      else server.routes.delete('/doc.md');
      const response = await call('POST', `/v1/sources/${source.id}/sync`);
      expect(response.statusCode, `${failure.name}: ${response.body}`).toBe(200);
      const result = response.json<SyncResult>();
      expect(result.status, failure.name).toBe('failed');
      expect(result.error?.code, `${failure.name}: ${result.error?.message}`).toMatch(failure.code);
      expect(result.error?.message, failure.name).toMatch(failure.message);
      expect(result.snapshotId, failure.name).toBe(first.snapshotId);

      const after = (await call('GET', `/v1/sources/${source.id}`)).json<SourceView>();
      expect(after.latestSnapshotId, failure.name).toBe(first.snapshotId);
      expect(after.lastSync?.status).toBe('failed');
      expect(after.lastSync?.error?.code).toMatch(failure.code);
    }
    expect(server.hits.get('/secret') ?? 0).toBe(0);
    expect((await call('GET', `/v1/snapshots/${first.snapshotId}`)).body).toBe(snapshotBefore);
    const list = (await call('GET', `/v1/sources/${source.id}/snapshots`)).json<{
      data: unknown[];
    }>();
    expect(list.data).toHaveLength(1);

    const failedEvents = await t.database.db
      .select()
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          eq(events.subjectId, source.id),
          eq(events.type, 'source.sync_failed'),
        ),
      );
    expect(failedEvents).toHaveLength(failures.length);

    // The document comes back: the next sync succeeds against the snapshot before the failures.
    server.routes.set('/doc.md', serve('text/markdown', weekly));
    const recovered = (await call('POST', `/v1/sources/${source.id}/sync`)).json<SyncResult>();
    expect(recovered.status).toBe('unchanged');
  });

  it('syncs on a schedule through the job queue', async () => {
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    const log = createLogger('silent');
    await t.queue.work(
      workerContext(config, { db: t.database.db, log, queue: t.queue, secretKey: t.secretKey }),
    );
    const scheduler = startSourceScheduler(t.database.db, t.queue, { log, tickMs: 100 });
    try {
      server.routes.set('/scheduled.md', serve('text/markdown', weekly));
      const { source, sync: first } = await createUrlSource('/scheduled.md', {
        syncIntervalMinutes: 60,
      });
      const view = (await call('GET', `/v1/sources/${source.id}`)).json<{ nextSyncAt: string }>();
      expect(Date.parse(view.nextSyncAt) - Date.now()).toBeGreaterThan(59 * 60_000);

      // Time passes: the document changes and its sync falls due.
      server.routes.set(
        '/scheduled.md',
        serve('text/markdown', weekly.replace('Fewer pings', 'Less noise')),
      );
      await t.database.db
        .update(sources)
        .set({ nextSyncAt: new Date(Date.now() - 1000) })
        .where(eq(sources.id, source.id));
      const latest = await waitUntil(
        async () => {
          const current = (await call('GET', `/v1/sources/${source.id}`)).json<SourceView>();
          return current.latestSnapshotId !== first.snapshotId && current.latestSnapshotId;
        },
        { what: 'the scheduled sync' },
      );
      const snapshot = (await call('GET', `/v1/snapshots/${latest}`)).json<{
        diff: { changed: string[] };
      }>();
      expect(snapshot.diff.changed).toEqual(['app/calmer-notifications']);
      const synced = await t.database.db
        .select()
        .from(events)
        .where(and(eq(events.subjectId, source.id), eq(events.type, 'source.synced')))
        .orderBy(events.id);
      expect(synced.map((event) => event.data.trigger)).toEqual(['create', 'schedule']);
      const after = (await call('GET', `/v1/sources/${source.id}`)).json<{ nextSyncAt: string }>();
      expect(Date.parse(after.nextSyncAt)).toBeGreaterThan(Date.now() + 59 * 60_000);
    } finally {
      scheduler.stop();
    }
  });
});
