import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../src/approvals/default-policy.ts';
import { runApprovalClock } from '../../src/services/approvals/run-approval-clock.ts';
import { asMember, invite, type SignedIn, setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

interface Stage {
  id: string;
  deadlineAt: string | null;
  startedAt: string | null;
  escalated: { roles: string[]; members: string[] };
  escalations: number;
  overdue: boolean;
  decisions: Array<{ via: string }>;
}
interface Approval {
  campaign: { state: string };
  round: { stages: Stage[] };
}

const MINUTE = 60_000;

/** The clock is moved, not waited for: `now` is given to each tick. */
describe.each(databaseKinds)('approval SLA and escalation on %s', (kind) => {
  let t: TestApp;
  let admin = '';
  let writer = '';
  let executive: SignedIn;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = (await t.createWorkspace()).adminKey;
    writer = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(admin),
        payload: { name: 'writer', scopes: ['read', 'write'] },
      })
    ).json<{ key: string }>().key;
    // A short SLA: L2's stage is due one minute after it starts.
    const [l1, l2, ...rest] = defaultPolicy.levels;
    const policy = {
      ...defaultPolicy,
      levels: [l1, { ...l2, stages: l2?.stages.map((s) => ({ ...s, slaMinutes: 1 })) }, ...rest],
    };
    const saved = await call(admin, 'PUT', '/v1/approval-policy', policy);
    expect(saved.statusCode, saved.body).toBe(200);
    const invited = await invite(t, admin, 'reviewer');
    await call(admin, 'PATCH', `/v1/members/${invited.id}`, { labels: ['executive'] });
    executive = await setup(t, invited.setupToken);
  });
  afterAll(() => t.close());

  function call(
    key: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) {
    return t.app.inject({ method, url, headers: bearer(key), ...(payload && { payload }) });
  }
  const events = async (campaignId: string, type: string) =>
    t.database.db.query.events.findMany({
      where: (e, { and, eq }) => and(eq(e.subjectId, campaignId), eq(e.type, type)),
    });

  it('reminds halfway, then emits approval.overdue and adds the next level’s approvers', async () => {
    const created = await call(writer, 'POST', '/v1/campaigns', {
      name: 'Featured',
      items: [
        { title: 'A featured routine', content: 'Four slow breaths tonight.', featured: true },
      ],
      channels: ['x'],
    });
    const id = created.json<{ id: string }>().id;
    const submitted = await call(writer, 'POST', `/v1/campaigns/${id}/submit`);
    const stage = submitted.json<Approval>().round.stages[0] as Stage;
    const started = Date.parse(stage.startedAt ?? '');
    expect(Date.parse(stage.deadlineAt ?? '') - started).toBe(MINUTE);
    // Not named at L2: the executive cannot approve yet, and it is not in their queue.
    expect(
      (await asMember(t, executive, 'POST', `/v1/campaigns/${id}/approve`, {})).statusCode,
    ).toBe(403);

    const db = t.database.db;
    expect(await runApprovalClock(db, { now: new Date(started + 10_000) })).toMatchObject({
      reminded: 0,
      escalated: 0,
    });
    expect((await runApprovalClock(db, { now: new Date(started + 31_000) })).reminded).toBe(1);
    expect((await runApprovalClock(db, { now: new Date(started + 32_000) })).reminded).toBe(0);
    const reminder = await events(id, 'approval.reminder');
    expect(reminder).toHaveLength(1);
    expect(reminder[0]?.data).toMatchObject({
      stage: { name: 'editor and marketing', approvers: { roles: ['editor', 'marketing'] } },
    });

    const breach = new Date(started + MINUTE + 1_000);
    expect((await runApprovalClock(db, { now: breach })).escalated).toBe(1);
    expect((await runApprovalClock(db, { now: breach })).escalated).toBe(0);
    const overdue = await events(id, 'approval.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.data).toMatchObject({
      level: 'L2',
      deadlineAt: stage.deadlineAt,
      escalatedTo: { level: 'L3', roles: ['marketing_manager', 'executive'], members: [] },
      nextDeadlineAt: new Date(breach.getTime() + MINUTE).toISOString(),
    });
    const view = (await call(admin, 'GET', `/v1/campaigns/${id}/approval`)).json<Approval>();
    expect(view.round.stages[0]).toMatchObject({
      escalated: { roles: ['marketing_manager', 'executive'] },
      escalations: 1,
      overdue: true,
    });

    // The escalation approvers may now act, and the stage is in their queue.
    const queue = await asMember(t, executive, 'GET', '/v1/approvals?mine=pending');
    const entry = queue
      .json<{ data: Array<{ campaignId: string; overdue: boolean }> }>()
      .data.find((e) => e.campaignId === id);
    expect(entry?.overdue).toBe(true);
    const approved = await asMember(t, executive, 'POST', `/v1/campaigns/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Approval>().round.stages[0]?.decisions[0]?.via).toBe('escalation');

    // Overdue again: one level further (L4's executives, already there), then no level is left.
    const again = new Date(breach.getTime() + MINUTE + 1_000);
    expect((await runApprovalClock(db, { now: again })).escalated).toBe(1);
    const last = new Date(again.getTime() + MINUTE + 1_000);
    expect((await runApprovalClock(db, { now: last })).escalated).toBe(1);
    const all = await events(id, 'approval.overdue');
    expect(all.map((e) => (e.data.escalatedTo as { level: string } | null)?.level ?? null)).toEqual(
      ['L3', 'L4', null],
    );
    // Past the strictest level there is no deadline left to breach.
    expect(
      (await runApprovalClock(db, { now: new Date(last.getTime() + 10 * MINUTE) })).escalated,
    ).toBe(0);
    const audit = await call(
      admin,
      'GET',
      `/v1/audit?resource=campaign:${id}&actor=system:approval_clock`,
    );
    expect(audit.json<{ data: Array<{ action: string }> }>().data.map((e) => e.action)).toEqual([
      'approval.escalated',
      'approval.escalated',
      'approval.escalated',
    ]);
  });
});
