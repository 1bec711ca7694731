import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface Comment {
  id: string;
  draftId: string | null;
  parentId: string | null;
  body: string;
  mentions: string[];
  author: string;
}

describe.each(databaseKinds)('comments on drafts on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let reader = '';
  let campaign: { id: string; state: string; drafts: Array<{ id: string; version: number }> };
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    reader = (
      await call(admin, 'POST', '/v1/api-keys', { name: 'reviewer', scopes: ['read'] })
    ).json<{ key: string }>().key;
    campaign = (
      await call(admin, 'POST', '/v1/campaigns', {
        name: 'Commented',
        items: [{ title: 'A calm update', content: 'Four slow breaths make a calmer evening.' }],
        channels: ['x', 'linkedin'],
      })
    ).json();
  });
  afterAll(() => t.close());

  function call(key: string, method: 'GET' | 'POST', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });
  }
  const comment = (payload: object, key = reader) =>
    call(key, 'POST', `/v1/campaigns/${campaign.id}/comments`, payload);

  it('threads comments on drafts, mentions members, and keeps them out of the drafts', async () => {
    const member = await invite(t, admin, 'editor');
    const draftId = campaign.drafts[0]?.id ?? '';
    const first = await comment({
      body: 'The second sentence is long. Can we cut it?',
      draftId,
      mentions: [member.id],
    });
    expect(first.statusCode, first.body).toBe(201);
    const root = first.json<Comment>();
    expect(root).toMatchObject({ draftId, parentId: null, mentions: [member.id] });
    expect(root.author).toMatch(/^api_key:/);
    const reply = (await comment({ body: 'Cut.', parentId: root.id }, admin)).json<Comment>();
    expect(reply).toMatchObject({ parentId: root.id, draftId });
    // A reply to a reply joins the thread.
    const nested = (await comment({ body: 'Thanks!', parentId: reply.id })).json<Comment>();
    expect(nested.parentId).toBe(root.id);
    const general = (await comment({ body: 'Good to go from me.' })).json<Comment>();
    expect(general.draftId).toBeNull();

    const all = await call(reader, 'GET', `/v1/campaigns/${campaign.id}/comments`);
    expect(all.json<{ data: Comment[] }>().data.map((c) => c.body)).toEqual([
      'The second sentence is long. Can we cut it?',
      'Cut.',
      'Thanks!',
      'Good to go from me.',
    ]);
    const onDraft = await call(
      reader,
      'GET',
      `/v1/campaigns/${campaign.id}/comments?draft=${draftId}`,
    );
    expect(onDraft.json<{ data: Comment[] }>().data).toHaveLength(3);

    const mentioned = await t.database.db.query.events.findMany({
      where: (e, { and, eq }) => and(eq(e.type, 'comment.mentioned'), eq(e.subjectId, member.id)),
    });
    expect(mentioned).toHaveLength(1);
    expect(mentioned[0]?.data).toMatchObject({ commentId: root.id, campaignId: campaign.id });

    // Apart from publishable content: the drafts did not change, nor did the approval.
    const after = (await call(admin, 'GET', `/v1/campaigns/${campaign.id}`)).json<
      typeof campaign
    >();
    expect(after.state).toBe(campaign.state);
    expect(after.drafts.map((d) => d.version)).toEqual(campaign.drafts.map((d) => d.version));
    expect(JSON.stringify(after.drafts)).not.toContain('Can we cut it');
  });

  it('refuses drafts, threads and mentions from elsewhere with 422, and unknown campaigns with 404', async () => {
    const other = (
      await call(admin, 'POST', '/v1/campaigns', {
        name: 'Other',
        items: [{ title: 'Another calm update', content: 'Longer exhales before bed.' }],
        channels: ['x'],
      })
    ).json<typeof campaign>();
    const otherComment = (
      await call(reader, 'POST', `/v1/campaigns/${other.id}/comments`, { body: 'elsewhere' })
    ).json<Comment>();
    const cases: Array<[object, number, string]> = [
      [{ body: 'x', draftId: other.drafts[0]?.id }, 422, 'body.draftId'],
      [{ body: 'x', parentId: otherComment.id }, 422, 'body.parentId'],
      [{ body: 'x', mentions: ['00000000-0000-4000-8000-000000000000'] }, 422, 'body.mentions'],
      [{ body: '   ' }, 400, 'body.body'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await comment(payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe(field);
    }
    const missing = await call(
      reader,
      'POST',
      '/v1/campaigns/00000000-0000-4000-8000-000000000000/comments',
      {
        body: 'x',
      },
    );
    expect(missing.statusCode).toBe(404);
  });
});
