import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

interface SyncResult {
  status: 'created' | 'unchanged' | 'failed';
  snapshotId: string | null;
  counts: { items: number; added: number; changed: number; removed: number; unchanged: number };
  error: { code: string; message: string } | null;
}
interface SourceView {
  id: string;
  kind: string;
  latestSnapshotId: string | null;
  itemCount: number | null;
  nextSyncAt: string | null;
  lastSync: { status: string; error: { code: string } | null } | null;
}
interface Diff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/** A multipart/form-data body built by hand: what a browser or curl -F sends. */
function multipart(parts: Array<{ name: string; value: string | Buffer; filename?: string }>): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----toombos-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    const type = part.filename ? 'Content-Type: text/markdown\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(databaseKinds)('sources and snapshots on %s', (kind) => {
  let t: TestApp;
  let key = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    key = (await t.createWorkspace()).adminKey;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });

  async function createMarkdownSource(text: string) {
    const response = await call('POST', '/v1/sources', { kind: 'markdown', name: 'Weekly', text });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ source: SourceView; sync: SyncResult }>();
  }

  it('creates a markdown source, syncs it at once, and stores the items in a snapshot', async () => {
    const { source, sync } = await createMarkdownSource(weekly);
    expect(sync.status).toBe('created');
    expect(sync.counts).toMatchObject({ items: 9, added: 9, changed: 0, removed: 0 });
    expect(source.latestSnapshotId).toBe(sync.snapshotId);
    expect(source.lastSync?.status).toBe('created');

    const snapshot = await call('GET', `/v1/snapshots/${sync.snapshotId}`);
    expect(snapshot.statusCode, snapshot.body).toBe(200);
    const body = snapshot.json<{ items: Array<{ section: string }>; diff: Diff }>();
    const sections: Record<string, number> = {};
    for (const item of body.items) sections[item.section] = (sections[item.section] ?? 0) + 1;
    expect(sections).toEqual({ app: 3, hardware: 2, tips: 3, vision: 1 });
    expect(body.diff.added).toHaveLength(9);

    const events = await t.app.inject({ method: 'GET', url: '/v1/sources', headers: bearer(key) });
    expect(events.statusCode).toBe(200);
  });

  it('stores no snapshot for an unchanged document, and diffs edits by item key', async () => {
    const { source, sync: first } = await createMarkdownSource(weekly);
    const again = await call('POST', `/v1/sources/${source.id}/sync`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<SyncResult>()).toMatchObject({
      status: 'unchanged',
      snapshotId: first.snapshotId,
      counts: { items: 9, unchanged: 9, added: 0, changed: 0, removed: 0 },
    });

    // Edit one item's body: exactly that item changes.
    const edited = weekly.replace('Fewer pings, more breathing.', 'Fewer pings, calmer days.');
    expect(edited).not.toBe(weekly);
    const second = await call('POST', `/v1/sources/${source.id}/sync`, { text: edited });
    expect(second.statusCode, second.body).toBe(200);
    const secondSync = second.json<SyncResult>();
    expect(secondSync.status).toBe('created');
    const secondSnapshot = (await call('GET', `/v1/snapshots/${secondSync.snapshotId}`)).json<{
      diff: Diff;
      previousSnapshotId: string;
    }>();
    expect(secondSnapshot.previousSnapshotId).toBe(first.snapshotId);
    expect(secondSnapshot.diff.changed).toEqual(['app/calmer-notifications']);
    expect(secondSnapshot.diff.added).toEqual([]);
    expect(secondSnapshot.diff.removed).toEqual([]);
    expect(secondSnapshot.diff.unchanged).toHaveLength(8);

    // Remove an item: it shows as removed.
    const removed = edited.replace(/### Charging Dock Approved[\s\S]*?(?=\n## )/, '');
    const third = (
      await call('POST', `/v1/sources/${source.id}/sync`, { text: removed })
    ).json<SyncResult>();
    expect(third.counts).toMatchObject({ removed: 1, changed: 0, added: 0, unchanged: 8 });
    const thirdSnapshot = (await call('GET', `/v1/snapshots/${third.snapshotId}`)).json<{
      diff: Diff;
    }>();
    expect(thirdSnapshot.diff.removed).toEqual(['hardware/charging-dock-approved']);

    // Any two snapshots of the source can be compared.
    const diff = await call(
      'GET',
      `/v1/snapshots/${third.snapshotId}/diff?against=${first.snapshotId}`,
    );
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json<Diff>()).toMatchObject({
      changed: ['app/calmer-notifications'],
      removed: ['hardware/charging-dock-approved'],
      added: [],
    });

    const list = await call('GET', `/v1/sources/${source.id}/snapshots?limit=2`);
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json<{ data: Array<{ id: string }>; next_cursor: string | null }>();
    expect(page.data.map((snapshot) => snapshot.id)).toEqual([
      first.snapshotId,
      secondSync.snapshotId,
    ]);
    const next = await call('GET', `/v1/sources/${source.id}/snapshots?cursor=${page.next_cursor}`);
    expect(next.json<{ data: Array<{ id: string }> }>().data.map((s) => s.id)).toEqual([
      third.snapshotId,
    ]);
  });

  it("shows the latest snapshot's item count on every source view (null before a snapshot)", async () => {
    const own = await t.createWorkspace();
    const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(own.adminKey), ...(payload && { payload }) });
    const created = await as('POST', '/v1/sources', {
      kind: 'markdown',
      name: 'Full',
      text: weekly,
    });
    const full = created.json<{ source: SourceView }>().source;
    expect(full.itemCount).toBe(9);
    const shorter = weekly.replace(/### Charging Dock Approved[\s\S]*?(?=\n## )/, '');
    expect((await as('POST', `/v1/sources/${full.id}/sync`, { text: shorter })).statusCode).toBe(
      200,
    );
    // A private address is refused: the source stays, with no snapshot.
    const failed = (
      await as('POST', '/v1/sources', {
        kind: 'url',
        name: 'Unreachable',
        url: 'http://127.0.0.1:9/weekly.md',
      })
    ).json<{ source: SourceView; sync: SyncResult }>();
    expect(failed.sync.status).toBe('failed');
    expect(failed.source.itemCount).toBeNull();

    const listed = (await as('GET', '/v1/sources')).json<{ data: SourceView[] }>().data;
    expect(listed.map((source) => [source.id, source.itemCount])).toEqual([
      [full.id, 8],
      [failed.source.id, null],
    ]);
    expect((await as('GET', `/v1/sources/${full.id}`)).json<SourceView>().itemCount).toBe(8);
    expect(
      (await as('PATCH', `/v1/sources/${full.id}`, { name: 'Renamed' })).json<SourceView>()
        .itemCount,
    ).toBe(8);
    expect((await as('DELETE', `/v1/sources/${full.id}`)).json<SourceView>().itemCount).toBe(8);

    // Another workspace's list shows its own sources only.
    const others = (await call('GET', '/v1/sources?limit=200')).json<{ data: SourceView[] }>();
    expect(others.data.some((source) => source.id === failed.source.id)).toBe(false);
  });

  it('refuses to diff snapshots of different sources', async () => {
    const one = await createMarkdownSource(weekly);
    const two = await createMarkdownSource(weekly.replace('Stillwave', 'Other'));
    const response = await call(
      'GET',
      `/v1/snapshots/${one.sync.snapshotId}/diff?against=${two.sync.snapshotId}`,
    );
    expect(response.statusCode, response.body).toBe(422);
  });

  it('accepts an upload as multipart/form-data, for a new source and for a sync', async () => {
    const upload = multipart([
      { name: 'name', value: 'Uploaded weekly' },
      { name: 'file', value: weekly, filename: 'weekly.md' },
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/sources',
      headers: { ...bearer(key), ...upload.headers },
      payload: upload.payload,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { source, sync } = created.json<{
      source: SourceView & { settings: object };
      sync: SyncResult;
    }>();
    expect(source.kind).toBe('markdown');
    expect(source.settings).toEqual({ filename: 'weekly.md' });
    expect(sync.counts.items).toBe(9);

    const next = multipart([
      {
        name: 'file',
        value: weekly.replace('### Offline Sessions', '### Offline Mode'),
        filename: 'weekly-2.md',
      },
    ]);
    const synced = await t.app.inject({
      method: 'POST',
      url: `/v1/sources/${source.id}/sync`,
      headers: { ...bearer(key), ...next.headers },
      payload: next.payload,
    });
    expect(synced.statusCode, synced.body).toBe(200);
    expect(synced.json<SyncResult>().counts).toMatchObject({ added: 1, removed: 1 });
  });

  it('answers bad input with a 4xx problem and stores nothing', async () => {
    const before = (await call('GET', '/v1/sources?limit=200')).json<{ data: unknown[] }>().data
      .length;
    const fiftyMegabytes = Buffer.alloc(50 * 1024 * 1024, 'a');
    const cases: Array<{
      name: string;
      headers: Record<string, string>;
      payload: string | Buffer;
      status: number;
    }> = [
      {
        name: 'empty JSON body',
        headers: { 'content-type': 'application/json' },
        payload: '',
        status: 400,
      },
      {
        name: 'unknown strategy',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ kind: 'markdown', name: 'x', text: '# x', strategy: 'yaml' }),
        status: 400,
      },
      {
        name: 'url field on a markdown source',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          kind: 'markdown',
          name: 'x',
          text: '# x',
          url: 'https://example.com',
        }),
        status: 400,
      },
      {
        name: 'url source without a url',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ kind: 'url', name: 'x' }),
        status: 400,
      },
      {
        name: 'a file: URL',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ kind: 'url', name: 'x', url: 'file:///etc/passwd' }),
        status: 400,
      },
      {
        name: 'invalid UTF-8 JSON',
        headers: { 'content-type': 'application/json' },
        payload: Buffer.concat([
          Buffer.from('{"kind":"markdown","name":"x","text":"'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('"}'),
        ]),
        status: 400,
      },
      {
        name: 'a 50 MB upload',
        ...multipart([
          { name: 'name', value: 'big' },
          { name: 'file', value: fiftyMegabytes, filename: 'big.md' },
        ]),
        status: 413,
      },
      {
        name: 'an upload that is not UTF-8',
        ...multipart([
          { name: 'name', value: 'bin' },
          {
            name: 'file',
            value: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]),
            filename: 'x.png',
          },
        ]),
        status: 400,
      },
      {
        name: 'an upload with an unknown field',
        ...multipart([
          { name: 'name', value: 'x' },
          { name: 'colour', value: 'red' },
          { name: 'file', value: '# x', filename: 'x.md' },
        ]),
        status: 400,
      },
    ];
    for (const bad of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/sources',
        headers: { ...bearer(key), ...bad.headers },
        payload: bad.payload,
      });
      expect(response.statusCode, `${bad.name}: ${response.body}`).toBe(bad.status);
      expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
    const after = (await call('GET', '/v1/sources?limit=200')).json<{ data: unknown[] }>().data
      .length;
    expect(after).toBe(before);
  });

  it('refuses fields that do not apply to the kind, on PATCH and on sync', async () => {
    const { source } = await createMarkdownSource('# Doc\n');
    const patch = await call('PATCH', `/v1/sources/${source.id}`, {
      url: 'https://example.com/doc.md',
    });
    expect(patch.statusCode, patch.body).toBe(422);
    const renamed = await call('PATCH', `/v1/sources/${source.id}`, {
      name: 'Renamed',
      strategy: 'freeform',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<{ name: string; strategy: string }>()).toMatchObject({
      name: 'Renamed',
      strategy: 'freeform',
    });

    const deleted = await call('DELETE', `/v1/sources/${source.id}`);
    expect(deleted.statusCode).toBe(200);
    expect((await call('GET', `/v1/sources/${source.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/v1/snapshots/${source.latestSnapshotId}`)).statusCode).toBe(404);
  });
});
