import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

const weekly = readFileSync(
  new URL('../fixtures/living-docs/stillwave-weekly.md', import.meta.url),
  'utf8',
);

interface Draft {
  id: string;
  channel: string;
  target: string;
  version: number;
  content: { posts?: Array<{ text: string; length: number }>; subject?: string };
  issues: Array<{ severity: string; code: string }>;
}
interface Campaign {
  id: string;
  state: string;
  itemKeys: string[];
  createdBy: string;
  drafts: Draft[];
}

describe.each(databaseKinds)('campaigns and drafts on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let writer = '';
  let sourceId = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    const key = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'writer', scopes: ['read', 'write'] },
    });
    writer = key.json<{ key: string }>().key;
    const source = await t.app.inject({
      method: 'POST',
      url: '/v1/sources',
      headers: bearer(admin),
      payload: { kind: 'markdown', name: 'Weekly', text: weekly },
    });
    sourceId = source.json<{ source: { id: string } }>().source.id;
  });
  afterAll(() => t.close());

  const call = (key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });

  it('creates a campaign from a source with one draft per channel; a digest waits for submission', async () => {
    const response = await call(writer, 'POST', '/v1/campaigns', {
      name: 'Week 48',
      sourceId,
      channels: ['email', 'web', 'x'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const campaign = response.json<Campaign>();
    // Nine items make a weekly update: L2 under the default policy, so people approve it.
    expect(campaign.state).toBe('draft');
    expect(campaign.itemKeys).toHaveLength(9);
    expect(campaign.drafts.map((draft) => draft.target)).toEqual(['email', 'web', 'x']);
    expect(campaign.drafts.every((draft) => draft.version === 1)).toBe(true);
    const fetched = await call(admin, 'GET', `/v1/campaigns/${campaign.id}`);
    expect(fetched.json<Campaign>().drafts).toHaveLength(3);
  });

  it('versions every edit, and gates approval through submission and the policy', async () => {
    const campaign = (
      await call(writer, 'POST', '/v1/campaigns', { name: 'Edits', sourceId, channels: ['x'] })
    ).json<Campaign>();
    const draft = campaign.drafts[0] as Draft;
    const edited = await call(writer, 'PATCH', `/v1/drafts/${draft.id}`, {
      posts: [{ text: 'Calmer evenings start with longer exhales. Try it tonight.' }],
      note: 'shorter',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Draft>().version).toBe(2);
    // An edit made on version 1 (a page opened before the save above) loses nothing: 409.
    const stale = await call(writer, 'PATCH', `/v1/drafts/${draft.id}`, {
      baseVersion: 1,
      posts: [{ text: 'An older page would overwrite the newer text.' }],
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await call(writer, 'GET', `/v1/campaigns/${campaign.id}`)).json<Campaign>().state).toBe(
      'draft',
    );

    const versions = await call(writer, 'GET', `/v1/drafts/${draft.id}/versions`);
    expect(
      versions.json<{ data: Array<{ version: number; reason: string }> }>().data,
    ).toMatchObject([
      { version: 1, reason: 'generated' },
      { version: 2, reason: 'shorter' },
    ]);
    const diff = await call(writer, 'GET', `/v1/drafts/${draft.id}/versions/diff?from=1&to=2`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json<{ changes: Array<{ field: string }> }>().changes.map((c) => c.field)).toEqual([
      'posts',
    ]);

    // Not submitted yet: nobody approves a draft. Submitted: L2 (a digest of nine items).
    expect((await call(admin, 'POST', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(
      409,
    );
    const submitted = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(
      submitted.json<{ campaign: Campaign & { approvalLevel: string } }>().campaign,
    ).toMatchObject({
      state: 'pending_approval',
      approvalLevel: 'L2',
    });
    // The creator and editor may not approve; an admin key may (an override), for one slot only.
    expect((await call(writer, 'POST', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(
      403,
    );
    const approved = await call(admin, 'POST', `/v1/campaigns/${campaign.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ campaign: Campaign }>().campaign.state).toBe('pending_approval');
    expect((await call(admin, 'POST', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(
      409,
    );
  });

  it('keeps a campaign with errors in draft, and refuses to submit it until they are fixed', async () => {
    const campaign = (
      await call(writer, 'POST', '/v1/campaigns', {
        name: 'Claims',
        items: [
          { title: 'Breathing update', content: 'A guaranteed cure for stress, every evening.' },
        ],
        channels: ['x'],
      })
    ).json<Campaign>();
    expect(campaign.state).toBe('draft');
    expect(campaign.drafts[0]?.issues.some((issue) => issue.code === 'prohibited_phrase')).toBe(
      true,
    );
    expect((await call(writer, 'POST', `/v1/campaigns/${campaign.id}/submit`)).statusCode).toBe(
      422,
    );
    const tooLong = await call(writer, 'PATCH', `/v1/drafts/${campaign.drafts[0]?.id}`, {
      posts: [{ text: 'word '.repeat(80) }],
    });
    expect(tooLong.json<Draft>().issues.map((issue) => issue.code)).toContain('post_too_long');
    const fixed = await call(writer, 'PATCH', `/v1/drafts/${campaign.drafts[0]?.id}`, {
      posts: [{ text: 'A calmer evening routine, one breath at a time.' }],
    });
    expect(fixed.json<Draft>().issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    // One priority-3 update, no issue left: L1, approved by the policy itself.
    const submitted = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<{ campaign: Campaign }>().campaign.state).toBe('approved');
  });

  it('drafts only what changed since the previous campaign of a source', async () => {
    // Earlier tests made campaigns from this source's current snapshot: nothing has changed since.
    const nothing = await call(writer, 'POST', '/v1/campaigns', {
      name: 'Changed 1',
      sourceId,
      onlyChanged: true,
      channels: ['email'],
    });
    expect(nothing.statusCode, nothing.body).toBe(422);
    await call(admin, 'POST', `/v1/sources/${sourceId}/sync`, {
      text: weekly.replace('Fewer pings, more breathing.', 'Fewer pings.'),
    });
    const changed = await call(writer, 'POST', '/v1/campaigns', {
      name: 'Changed 2',
      sourceId,
      onlyChanged: true,
      channels: ['email'],
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json<Campaign>().itemKeys).toEqual(['app/calmer-notifications']);
  });

  it('makes one social draft per item on request, and refuses bad input with 4xx', async () => {
    const perItem = (
      await call(writer, 'POST', '/v1/campaigns', {
        name: 'Per item',
        sourceId,
        itemKeys: ['tips/reset-in-four-counts', 'hardware/sensor-band-rev-c'],
        channels: ['bluesky'],
        socialMode: 'per_item',
      })
    ).json<Campaign>();
    expect(perItem.drafts.map((draft) => draft.target).sort()).toEqual([
      'bluesky:hardware/sensor-band-rev-c',
      'bluesky:tips/reset-in-four-counts',
    ]);
    const cases: Array<[object, number]> = [
      [{ name: 'x', sourceId, channels: ['myspace'] }, 400],
      [{ name: 'x', sourceId, snapshotId: sourceId, channels: ['x'] }, 400],
      [
        {
          name: 'x',
          items: [{ title: 't', content: 'b c d' }],
          onlyChanged: true,
          channels: ['x'],
        },
        400,
      ],
      [{ name: 'x', sourceId: '00000000-0000-4000-8000-000000000000', channels: ['x'] }, 404],
      [{ name: 'x', sourceId, itemKeys: ['nope/nope'], channels: ['x'] }, 422],
    ];
    for (const [payload, status] of cases) {
      const response = await call(writer, 'POST', '/v1/campaigns', payload);
      expect(response.statusCode, `${JSON.stringify(payload)}: ${response.body}`).toBe(status);
    }
    const email = (
      await call(writer, 'POST', '/v1/campaigns', { name: 'e', sourceId, channels: ['email'] })
    ).json<Campaign>();
    const wrongField = await call(writer, 'PATCH', `/v1/drafts/${email.drafts[0]?.id}`, {
      posts: [{ text: 'x' }],
    });
    expect(wrongField.statusCode, wrongField.body).toBe(422);
  });
});
