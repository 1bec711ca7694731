import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { deliveries } from '../../src/db/publishing-schema.ts';
import { workerContext } from '../../src/jobs/worker-context.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { runApprovalClock } from '../../src/services/approvals/run-approval-clock.ts';
import { runDeliveries } from '../../src/services/publishing/run-deliveries.ts';
import { asMember, invite, type SignedIn, setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface Stage {
  id: string;
  position: number;
  name: string;
  origin: string;
  mode: string;
  status: string;
  remaining: number;
  deadlineAt: string | null;
  startedAt: string | null;
  slaMinutes: number;
  decisions: Array<{ actor: string; decision: string; via: string; comment: string | null }>;
}
interface Approval {
  campaign: { id: string; state: string; approvalLevel: string | null; approvedBy: string | null };
  round: null | {
    id: string;
    status: string;
    statusReason: string | null;
    level: string;
    explanation: {
      summary: string;
      rule: { id: string } | null;
      reasons: string[];
      legal: { required: boolean; reasons: string[] };
    };
    stages: Stage[];
  };
}
interface Problem {
  status: number;
  detail: string;
  errors?: Array<{ field: string }>;
}

const item = (title: string, extra: object = {}) => ({
  title,
  content: 'Four slow breaths before bed make for a calmer evening routine.',
  ...extra,
});

describe.each(databaseKinds)('approval flow on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let writer = '';
  const people: Record<'editor' | 'marketing' | 'manager' | 'executive' | 'legal', SignedIn> =
    {} as never;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    const key = await t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'writer', scopes: ['read', 'write', 'publish'] },
    });
    writer = key.json<{ key: string }>().key;
    const cast: Array<[keyof typeof people, string, string[]]> = [
      ['editor', 'editor', []],
      ['marketing', 'reviewer', ['marketing']],
      ['manager', 'reviewer', ['marketing_manager']],
      ['executive', 'reviewer', ['executive']],
      ['legal', 'reviewer', ['legal']],
    ];
    for (const [name, role, labels] of cast) {
      const invited = await invite(t, admin, role);
      const labelled = await call(admin, 'PATCH', `/v1/members/${invited.id}`, { labels });
      expect(labelled.statusCode, labelled.body).toBe(200);
      people[name] = await setup(t, invited.setupToken);
      ids[name] = `member:${invited.id}`;
    }
  });
  afterAll(() => t.close());

  function call(key: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });
  }
  const as = (who: keyof typeof people, url: string, payload: object = {}) =>
    asMember(t, people[who], 'POST', url, payload);
  async function create(items: object[], channels = ['x']) {
    const response = await call(writer, 'POST', '/v1/campaigns', { name: 'C', items, channels });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; state: string; drafts: Array<{ id: string }> }>();
  }
  async function submit(id: string) {
    const response = await call(writer, 'POST', `/v1/campaigns/${id}/submit`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Approval>();
  }
  const approval = async (id: string) =>
    (await call(admin, 'GET', `/v1/campaigns/${id}/approval`)).json<Approval>();

  it('approves a priority-3 update with no issues automatically (L1), saying why', async () => {
    const campaign = await create([item('A calmer evening routine')]);
    expect(campaign.state).toBe('approved');
    const view = await approval(campaign.id);
    expect(view.campaign).toMatchObject({
      approvalLevel: 'L1',
      approvedBy: 'system:approval_policy',
    });
    expect(view.round).toMatchObject({ status: 'approved', level: 'L1', stages: [] });
    expect(view.round?.explanation.rule).toBeNull();
    expect(view.round?.explanation.summary).toContain('no rule matched');
  });

  it('sends a featured item to L2: two parallel approvals, editor and marketing', async () => {
    const campaign = await create([item('Our featured breathing guide', { featured: true })]);
    expect(campaign.state).toBe('draft');
    const submitted = await submit(campaign.id);
    expect(submitted.campaign.state).toBe('pending_approval');
    expect(submitted.round?.level).toBe('L2');
    expect(submitted.round?.explanation.rule?.id).toBe('featured');
    expect(submitted.round?.explanation.reasons[0]).toMatch(/is featured$/);
    expect(submitted.round?.stages).toMatchObject([
      { position: 1, mode: 'all', status: 'active', remaining: 2, slaMinutes: 1440 },
    ]);
    const stage = submitted.round?.stages[0] as Stage;
    expect(Date.parse(stage.deadlineAt ?? '') - Date.parse(stage.startedAt ?? '')).toBe(
      24 * 3_600_000,
    );

    // Marketing's queue shows it, with its deadline.
    const queue = await asMember(t, people.marketing, 'GET', '/v1/approvals?mine=pending');
    expect(queue.statusCode, queue.body).toBe(200);
    const entry = queue
      .json<{ data: Array<{ campaignId: string; deadlineAt: string; stage: { name: string } }> }>()
      .data.find((e) => e.campaignId === campaign.id);
    expect(entry).toMatchObject({
      deadlineAt: stage.deadlineAt,
      stage: { name: 'editor and marketing' },
    });

    // Publishing before approval: 409 naming the pending stage.
    const early = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>().detail).toContain('stage 1 "editor and marketing" is pending');

    const first = await as('editor', `/v1/campaigns/${campaign.id}/approve`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Approval>().campaign.state).toBe('pending_approval');
    expect(first.json<Approval>().round?.stages[0]?.remaining).toBe(1);
    expect((await as('editor', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(409);
    // The editor's approval is gone from the editor's queue, still in marketing's.
    const editorQueue = await asMember(t, people.editor, 'GET', '/v1/approvals?mine=pending');
    expect(
      editorQueue.json<{ data: Array<{ campaignId: string }> }>().data.map((e) => e.campaignId),
    ).not.toContain(campaign.id);
    const second = await as('marketing', `/v1/campaigns/${campaign.id}/approve`, {
      comment: 'Looks good',
    });
    expect(second.statusCode, second.body).toBe(200);
    const done = second.json<Approval>();
    expect(done.campaign).toMatchObject({ state: 'approved', approvedBy: ids.marketing });
    expect(done.round?.stages[0]?.decisions.map((d) => [d.actor, d.via])).toEqual([
      [ids.editor, 'named'],
      [ids.marketing, 'named'],
    ]);
    const published = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/schedule`, {
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(published.statusCode, published.body).toBe(200);
  });

  it('runs L3 in sequence: the executive cannot approve before the marketing manager', async () => {
    const campaign = await create([
      item('Announcing Stillwave 3.0', { type: 'announcement', priority: 2, featured: true }),
    ]);
    const submitted = await submit(campaign.id);
    expect(submitted.round?.level).toBe('L3');
    expect(submitted.round?.stages.map((s) => [s.name, s.status])).toEqual([
      ['marketing manager', 'active'],
      ['executive', 'waiting'],
    ]);
    const tooEarly = await as('executive', `/v1/campaigns/${campaign.id}/approve`);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json<Problem>().detail).toContain('"marketing manager" must approve first');
    // Not an approver of this level at all: 403.
    expect((await as('legal', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(403);
    const managed = await as('manager', `/v1/campaigns/${campaign.id}/approve`);
    expect(managed.statusCode, managed.body).toBe(200);
    expect(managed.json<Approval>().round?.stages.map((s) => s.status)).toEqual([
      'approved',
      'active',
    ]);
    const early = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/publish`);
    expect(early.json<Problem>().detail).toContain('stage 2 "executive" is pending');
    const executed = await as('executive', `/v1/campaigns/${campaign.id}/approve`);
    expect(executed.statusCode, executed.body).toBe(200);
    expect(executed.json<Approval>().campaign.state).toBe('approved');
  });

  it('sends a priority-1 item to L4, where any one executive suffices', async () => {
    const campaign = await create([item('Urgent: service notice', { priority: 1 })]);
    const submitted = await submit(campaign.id);
    expect(submitted.round?.level).toBe('L4');
    expect(submitted.round?.stages).toMatchObject([{ mode: 'any', slaMinutes: 120 }]);
    const queue = await asMember(t, people.executive, 'GET', '/v1/approvals?mine=pending');
    expect(
      queue.json<{ data: Array<{ campaignId: string }> }>().data.map((e) => e.campaignId),
    ).toContain(campaign.id);
    const managerQueue = await asMember(t, people.manager, 'GET', '/v1/approvals?mine=pending');
    expect(
      managerQueue.json<{ data: Array<{ campaignId: string }> }>().data.map((e) => e.campaignId),
    ).not.toContain(campaign.id);
    const approved = await as('executive', `/v1/campaigns/${campaign.id}/approve`);
    expect(approved.json<Approval>().campaign.state).toBe('approved');
  });

  it('adds the legal stage for a health claim such as "reduces anxiety"', async () => {
    const campaign = await create([
      item('A calmer evening', {
        content: 'Our evening breathing routine reduces anxiety in a week.',
      }),
    ]);
    expect(campaign.state).toBe('draft');
    const submitted = await submit(campaign.id);
    expect(submitted.round?.level).toBe('L1');
    expect(submitted.round?.stages.map((s) => [s.name, s.origin])).toEqual([['legal', 'legal']]);
    expect(submitted.round?.explanation.legal.required).toBe(true);
    expect(submitted.round?.explanation.legal.reasons[0]).toContain('reduces anxiety');
    expect((await as('marketing', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(403);
    const cleared = await as('legal', `/v1/campaigns/${campaign.id}/approve`);
    expect(cleared.json<Approval>().campaign.state).toBe('approved');
  });

  it('refuses the creator (403), a reject or change request without a comment (422)', async () => {
    const own = await asMember(t, people.editor, 'POST', '/v1/campaigns', {
      name: 'Mine',
      items: [item('A featured routine', { featured: true })],
      channels: ['x'],
    });
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json<{ id: string }>().id;
    expect((await as('editor', `/v1/campaigns/${id}/submit`)).statusCode).toBe(200);
    const self = await as('editor', `/v1/campaigns/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json<Problem>().detail).toContain('created');
    for (const verb of ['reject', 'request-changes']) {
      const bare = await as('marketing', `/v1/campaigns/${id}/${verb}`);
      expect(bare.statusCode, bare.body).toBe(422);
      expect(bare.json<Problem>().errors?.[0]?.field).toBe('body.comment');
      const blank = await as('marketing', `/v1/campaigns/${id}/${verb}`, { comment: '   ' });
      expect(blank.statusCode).toBe(422);
    }
    // A key without the admin scope is no approver; an admin key is, as an override.
    expect((await call(writer, 'POST', `/v1/campaigns/${id}/approve`)).statusCode).toBe(403);
    const override = await call(admin, 'POST', `/v1/campaigns/${id}/approve`);
    expect(override.json<Approval>().round?.stages[0]?.decisions[0]?.via).toBe('admin');
  });

  it('rejects with a comment: the round ends, the campaign is a draft again, and can be resubmitted', async () => {
    const campaign = await create([item('A featured routine, again', { featured: true })]);
    await submit(campaign.id);
    const rejected = await as('marketing', `/v1/campaigns/${campaign.id}/reject`, {
      comment: 'The claim in the second sentence needs a source.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<Approval>()).toMatchObject({
      campaign: { state: 'draft' },
      round: {
        status: 'rejected',
        statusReason: 'The claim in the second sentence needs a source.',
        stages: [{ status: 'rejected' }],
      },
    });
    expect((await as('editor', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(409);
    const again = await submit(campaign.id);
    expect(again.round?.status).toBe('pending');
    expect(again.round?.id).not.toBe(rejected.json<Approval>().round?.id);
    const changes = await as('editor', `/v1/campaigns/${campaign.id}/request-changes`, {
      comment: 'Shorter, please.',
    });
    expect(changes.json<Approval>().round?.status).toBe('changes_requested');
  });

  it('resets approvals when a draft is edited after an approval, and says why', async () => {
    const campaign = await create([item('A featured routine to edit', { featured: true })]);
    const first = await submit(campaign.id);
    expect((await as('editor', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(200);
    const edited = await call(writer, 'PATCH', `/v1/drafts/${campaign.drafts[0]?.id}`, {
      posts: [{ text: 'Four slow breaths tonight: a calmer routine for busy weeks.' }],
      note: 'tighter',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const view = await approval(campaign.id);
    expect(view.campaign.state).toBe('pending_approval');
    expect(view.round?.id).not.toBe(first.round?.id);
    expect(view.round?.stages[0]).toMatchObject({ remaining: 2, decisions: [] });
    const events = await t.database.db.query.events.findMany({
      where: (e, { and, eq: is }) =>
        and(is(e.subjectId, campaign.id), is(e.type, 'approval.reset')),
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({
      previousRequestId: first.round?.id,
      approvalsReset: [ids.editor],
      state: 'pending_approval',
    });
    expect(String(events[0]?.data.reason)).toContain('edited');
    // The audit log says why, with the approvals that were reset.
    const audit = await call(admin, 'GET', `/v1/audit?resource=campaign:${campaign.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const entries = audit.json<{
      data: Array<{
        action: string;
        actor: string;
        before: Record<string, unknown>;
        after: Record<string, unknown>;
        data: { reason?: string };
      }>;
    }>().data;
    expect(entries.map((entry) => entry.action)).toEqual([
      'campaign.created',
      'approval.submitted',
      'approval.granted',
      'approval.reset',
      'approval.submitted',
    ]);
    const reset = entries[3];
    expect(reset?.actor).toMatch(/^api_key:/);
    expect(reset?.before).toMatchObject({ state: 'pending_approval', approvedBy: [ids.editor] });
    expect(reset?.after).toMatchObject({ state: 'pending_approval' });
    expect(reset?.data.reason).toMatch(/^draft x edited by api_key:.* \(version 2\): tighter$/);
    // The editor may approve the new round; so may marketing.
    expect((await as('editor', `/v1/campaigns/${campaign.id}/approve`)).statusCode).toBe(200);
  });

  it('expires an approval whose publishing did not start at the scheduled time', async () => {
    const campaign = await create([item('A routine scheduled an hour ago')]);
    expect(campaign.state).toBe('approved');
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const scheduled = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/schedule`, {
      at: past,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    const { db } = t.database;
    const rows = await db.select().from(deliveries).where(eq(deliveries.campaignId, campaign.id));
    expect(rows).toHaveLength(1);

    // The worker refuses to start it: the approval lapsed (due an hour ago, grace 10 minutes).
    const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const deps = workerContext(config, {
      db,
      log: createLogger('silent'),
      queue: t.queue,
      secretKey: t.secretKey,
    }).publishing;
    await runDeliveries(
      db,
      deps,
      rows.map((row) => ({ workspaceId: row.workspaceId, deliveryId: row.id })),
    );
    const still = await db.select().from(deliveries).where(eq(deliveries.campaignId, campaign.id));
    expect(still.map((row) => row.state)).toEqual(['scheduled']);
    const refused = await call(writer, 'POST', `/v1/campaigns/${campaign.id}/schedule`, {
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(refused.statusCode).toBe(409);

    // The clock takes it back to approval: L1 again, so approved, but unscheduled.
    const result = await runApprovalClock(db);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const view = await approval(campaign.id);
    expect(view.campaign.state).toBe('approved');
    expect(
      await db.select().from(deliveries).where(eq(deliveries.campaignId, campaign.id)),
    ).toEqual([]);
    const events = await db.query.events.findMany({
      where: (e, { and, eq: is }) =>
        and(is(e.subjectId, campaign.id), is(e.type, 'approval.expired')),
    });
    expect(String(events[0]?.data.reason)).toContain('had not started');
    // A second tick finds nothing more to do.
    expect((await runApprovalClock(db)).expired).toBe(0);
  });
});
