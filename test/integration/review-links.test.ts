import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewReviewLink } from '../../src/services/review-links/preview-review-link.ts';
import { asMember, invite, type SignedIn, setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface Link {
  id: string;
  token: string;
  url: string;
  status: string;
  expiresAt: string;
}

describe.each(databaseKinds)('review links on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let writer = '';
  let editor: SignedIn;
  let marketing: SignedIn;
  let legal: SignedIn;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    writer = (
      await call(admin, 'POST', '/v1/api-keys', { name: 'writer', scopes: ['read', 'write'] })
    ).json<{ key: string }>().key;
    const member = async (role: string, labels: string[]) => {
      const invited = await invite(t, admin, role);
      await call(admin, 'PATCH', `/v1/members/${invited.id}`, { labels });
      return setup(t, invited.setupToken);
    };
    editor = await member('editor', []);
    marketing = await member('reviewer', ['marketing']);
    legal = await member('reviewer', ['legal']);
  });
  afterAll(() => t.close());

  function call(
    key: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    return t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });
  }
  const review = (token: string | undefined, method: 'GET' | 'POST', path = '', payload?: object) =>
    t.app.inject({
      method,
      url: `/v1/review${path}`,
      headers: token === undefined ? {} : { 'x-review-token': token },
      ...(payload && { payload }),
    });
  async function pendingCampaign(name = 'For the client') {
    const created = await call(writer, 'POST', '/v1/campaigns', {
      name,
      items: [
        { title: 'A featured routine', content: 'Four slow breaths tonight.', featured: true },
      ],
      channels: ['x', 'email'],
    });
    const id = created.json<{ id: string }>().id;
    expect((await call(writer, 'POST', `/v1/campaigns/${id}/submit`)).statusCode).toBe(200);
    return id;
  }
  async function link(id: string, who = editor, body: object = { reviewerName: 'Dana Client' }) {
    const response = await asMember(t, who, 'POST', `/v1/campaigns/${id}/review-links`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Link>();
  }

  it('lets a named outsider preview read-only and approve once, with no account', async () => {
    const id = await pendingCampaign();
    const created = await link(id);
    expect(created.url).toMatch(/\/review#token=rl1\./);
    expect(created.status).toBe('active');
    const preview = await review(created.token, 'GET');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      reviewerName: 'Dana Client',
      decision: null,
      campaign: { name: 'For the client', state: 'pending_approval' },
      stage: { position: 1, name: 'editor and marketing' },
    });
    expect(
      preview
        .json<{ drafts: Array<{ target: string; text: string }> }>()
        .drafts.map((d) => d.target)
        .sort(),
    ).toEqual(['email', 'x']);
    // Nothing on the review routes changes the drafts: there is no route to do it.
    expect((await review(created.token, 'POST', '/edit', {})).statusCode).toBe(404);

    const approved = await review(created.token, 'POST', '/approve', { comment: 'Fine by us.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ decision: 'approve', campaignState: 'pending_approval' });
    expect((await review(created.token, 'POST', '/approve', {})).statusCode).toBe(410);
    expect(
      (await review(created.token, 'POST', '/reject', { comment: 'changed my mind' })).statusCode,
    ).toBe(410);
    expect((await review(created.token, 'GET')).json<{ decision: string }>().decision).toBe(
      'approve',
    );

    // The outsider filled the editor's slot (delegated); marketing completes the stage.
    const done = await asMember(t, marketing, 'POST', `/v1/campaigns/${id}/approve`, {});
    expect(done.json<{ campaign: { state: string } }>().campaign.state).toBe('approved');
    const round = (await call(admin, 'GET', `/v1/campaigns/${id}/approval`)).json<{
      round: {
        stages: Array<{ decisions: Array<{ actor: string; via: string; comment: string }> }>;
      };
    }>().round;
    expect(round.stages[0]?.decisions[0]).toEqual(
      expect.objectContaining({
        actor: `review_link:${created.id}`,
        via: 'review_link',
        comment: 'Fine by us.',
      }),
    );
    // Every use is in the audit log under the link.
    const audit = await call(admin, 'GET', `/v1/audit?actor=review_link:${created.id}`);
    expect(audit.json<{ data: Array<{ action: string }> }>().data.map((e) => e.action)).toEqual([
      'review_link.opened',
      'approval.granted',
      'review_link.opened',
    ]);
    const links = await call(admin, 'GET', `/v1/campaigns/${id}/review-links`);
    expect(links.json<{ data: Array<Record<string, unknown>> }>().data[0]).toMatchObject({
      status: 'used',
      decision: 'approve',
    });
    expect(JSON.stringify(links.json())).not.toContain(created.token);
  });

  it('rejects through a link only with a comment, returning the campaign to draft', async () => {
    const id = await pendingCampaign();
    const created = await link(id);
    const bare = await review(created.token, 'POST', '/reject', {});
    expect(bare.statusCode).toBe(422);
    const rejected = await review(created.token, 'POST', '/reject', { comment: 'Not this week.' });
    expect(rejected.json()).toEqual({ decision: 'reject', campaignState: 'draft' });
  });

  it('answers 410 after revocation or expiry, and 401 to a tampered or missing token', async () => {
    const id = await pendingCampaign();
    const revoked = await link(id);
    const other = await link(id, marketing, { reviewerName: 'Sam Agency', expiresInHours: 1 });
    const deleted = await asMember(t, editor, 'DELETE', `/v1/review-links/${revoked.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await review(revoked.token, 'GET')).statusCode).toBe(410);
    expect((await review(revoked.token, 'POST', '/approve', {})).statusCode).toBe(410);
    // Someone else may revoke only with the write scope: a reviewer may not.
    expect((await asMember(t, legal, 'DELETE', `/v1/review-links/${other.id}`)).statusCode).toBe(
      403,
    );

    // Expiry: an hour and a minute later the link is gone.
    const later = new Date(Date.parse(other.expiresAt) + 60_000);
    await expect(
      previewReviewLink(t.database.db, { secretKey: t.secretKey }, other.token, later),
    ).rejects.toMatchObject({ code: 'gone' });
    expect((await review(other.token, 'GET')).statusCode).toBe(200);

    const [version, payload, signature] = other.token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
    for (const bad of [`${version}.${payload}.${flipped}`, `${version}.${payload}`, 'nonsense']) {
      const response = await review(bad, 'POST', '/approve', {});
      expect(response.statusCode, bad).toBe(401);
    }
    // Another link's payload under this link's signature.
    const swapped = `${version}.${revoked.token.split('.')[1]}.${signature}`;
    expect((await review(swapped, 'GET')).statusCode).toBe(401);
    expect((await review(undefined, 'GET')).statusCode).toBe(401);
  });

  it('sees only its own campaign: nothing else answers to its token', async () => {
    const mine = await pendingCampaign();
    const other = await pendingCampaign('Not for the client');
    const created = await link(mine);
    const preview = await review(created.token, 'GET');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<{ campaign: { name: string } }>().campaign.name).toBe('For the client');
    expect(preview.body).not.toContain(other);
    expect(preview.body).not.toContain('Not for the client');
    // The token is no credential for the API: neither as a bearer nor as its own header.
    for (const headers of [
      { authorization: `Bearer ${created.token}` },
      { 'x-review-token': created.token },
    ]) {
      for (const url of [`/v1/campaigns/${other}`, `/v1/campaigns/${mine}`, '/v1/campaigns']) {
        const response = await t.app.inject({ method: 'GET', url, headers });
        expect(response.statusCode, `${url} ${response.body}`).toBe(401);
      }
    }
  });

  it('is created only by an approver of the stage waiting, never by the author', async () => {
    const id = await pendingCampaign();
    const byAuthor = await call(writer, 'POST', `/v1/campaigns/${id}/review-links`, {
      reviewerName: 'X',
    });
    expect(byAuthor.statusCode).toBe(403);
    const byOutsider = await asMember(t, legal, 'POST', `/v1/campaigns/${id}/review-links`, {
      reviewerName: 'X',
    });
    expect(byOutsider.statusCode).toBe(403);
    const approvedAlready = await call(writer, 'POST', '/v1/campaigns', {
      name: 'L1',
      items: [{ title: 'A calm update', content: 'Four slow breaths tonight.' }],
      channels: ['x'],
    });
    const notPending = await asMember(
      t,
      editor,
      'POST',
      `/v1/campaigns/${approvedAlready.json<{ id: string }>().id}/review-links`,
      { reviewerName: 'X' },
    );
    expect(notPending.statusCode).toBe(409);
  });

  it('serves the review page without interpolating anything', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/review' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain("'x-review-token'");
    expect(page.body).not.toContain('innerHTML');
  });
});
