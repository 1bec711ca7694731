import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMember, invite, type SignedIn, setup } from '../helpers/member-sessions.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

/*
 * Issue 6's acceptance property: for random sequences of submit / approve / reject /
 * request-changes / edit / schedule actions by random actors, a campaign is publishable if and
 * only if every stage of its current level holds valid approvals.
 *
 * The oracle below is a model of ADR 0009 written from the ADR alone: it imports nothing from the
 * engine. The workspace's policy is small enough to model by hand:
 *
 *   level P (featured items):  stage 1 "pair"   mode all: role `alpha` + member Bee (two slots)
 *                              stage 2 "either" mode any: role `gamma` or member Dee (one slot)
 *   default level `auto`: no stages; the legal stage (role `legal`) never applies (no claims).
 *
 * The cast: the creator (an `editor` labelled `alpha`: eligible, but it is their campaign), Alpha
 * (an `editor` labelled `alpha`, may also edit), Bee (a reviewer named by id), Both (a reviewer
 * labelled `alpha` and `gamma`: eligible in both stages, but one decision per round), Dee (a
 * contributor named by id, may also edit), the admin key (the ADR's admin override: may fill any
 * slot of any stage, and edit and submit) and an outsider (a reviewer labelled `legal`: eligible
 * for nothing here).
 */

type Name = 'creator' | 'alpha' | 'bee' | 'both' | 'dee' | 'admin' | 'outsider';
const names: readonly Name[] = ['creator', 'alpha', 'bee', 'both', 'dee', 'admin', 'outsider'];

interface Person {
  labels: readonly string[];
  /** Holds the `write` scope (submit and edit need it; decisions need only `read`). */
  write: boolean;
  /** Holds the `publish` scope (scheduling needs it). */
  publish: boolean;
  /** Owner/admin member or `admin` key: the ADR's override, any slot of any stage. */
  admin: boolean;
}

const people: Record<Name, Person> = {
  creator: { labels: ['alpha'], write: true, publish: true, admin: false },
  alpha: { labels: ['alpha'], write: true, publish: true, admin: false },
  bee: { labels: [], write: false, publish: false, admin: false },
  both: { labels: ['alpha', 'gamma'], write: false, publish: false, admin: false },
  dee: { labels: [], write: true, publish: false, admin: false },
  admin: { labels: [], write: true, publish: true, admin: true },
  outsider: { labels: ['legal'], write: false, publish: false, admin: false },
};

/** A stage of the model: its slots, each saying who may fill it by name. */
interface ModelStage {
  name: string;
  slots: ReadonlyArray<(who: Name) => boolean>;
}

/** Mode `all`: one slot per named role and member. Mode `any`: one slot anyone named fills. */
const modelStages: readonly ModelStage[] = [
  {
    name: 'pair',
    slots: [(who) => people[who].labels.includes('alpha'), (who) => who === 'bee'],
  },
  {
    name: 'either',
    slots: [(who) => people[who].labels.includes('gamma') || who === 'dee'],
  },
];

/** The slots of a stage a person may fill: the ones naming them, or all of them for an admin. */
function slotsOf(stage: number, who: Name): number[] {
  const slots = modelStages[stage]?.slots ?? [];
  return slots.flatMap((fits, index) => (people[who].admin || fits(who) ? [index] : []));
}

/** Most slots filled when each approver fills at most one of theirs (brute force: tiny inputs). */
function filled(
  approvals: readonly (readonly number[])[],
  taken: ReadonlySet<number> = new Set(),
): number {
  const [first, ...rest] = approvals;
  if (first === undefined) return 0;
  let best = filled(rest, taken);
  for (const slot of first)
    if (!taken.has(slot)) best = Math.max(best, 1 + filled(rest, new Set([...taken, slot])));
  return best;
}

interface Round {
  /** The stage waiting for decisions (index); `modelStages.length` once every stage is done. */
  active: number;
  /** Who has decided in this round (one decision per person per round, across stages). */
  decided: Set<Name>;
  /** Per stage, the slots each valid approval may fill. */
  approvals: number[][][];
}

interface Model {
  state: 'draft' | 'pending_approval' | 'approved' | 'scheduled';
  /** The creator and everyone who edited a draft: never approvers of this campaign. */
  authors: Set<Name>;
  /** The live (or approved) round; null when none was opened or the last one ended. */
  round: Round | null;
}

const newRound = (): Round => ({
  active: 0,
  decided: new Set(),
  approvals: modelStages.map(() => []),
});

/** The property's right-hand side: every stage of the current level holds valid approvals. */
function everyStageApproved(model: Model): boolean {
  const round = model.round;
  return (
    round !== null &&
    modelStages.every((stage, index) => filled(round.approvals[index] ?? []) === stage.slots.length)
  );
}

type Kind = 'submit' | 'approve' | 'reject' | 'request-changes' | 'edit' | 'schedule';
interface Action {
  kind: Kind;
  who: Name;
}

/** What the API must answer, and the model's next state when the action is valid (2xx). */
function expected(model: Model, { kind, who }: Action): { status: number; apply?: () => void } {
  const person = people[who];
  if (kind === 'submit') {
    if (!person.write) return { status: 403 };
    if (model.state !== 'draft') return { status: 409 };
    return {
      status: 200,
      apply: () => {
        model.state = 'pending_approval';
        model.round = newRound();
      },
    };
  }
  if (kind === 'schedule') {
    // The one gate: only what every stage approved goes out (a scheduled one may be rescheduled).
    if (!person.publish) return { status: 403 };
    if (!everyStageApproved(model)) return { status: 409 };
    return {
      status: 200,
      apply: () => {
        model.state = 'scheduled';
      },
    };
  }
  if (kind === 'edit') {
    if (!person.write) return { status: 403 };
    // Edits reset approvals: a campaign in approval, approved or scheduled (it is unscheduled)
    // gets a fresh round.
    return {
      status: 200,
      apply: () => {
        model.authors.add(who);
        if (model.state !== 'draft') {
          model.state = 'pending_approval';
          model.round = newRound();
        }
      },
    };
  }
  // A decision: only on the active stage of a live round.
  const round = model.round;
  if (model.state !== 'pending_approval' || round === null) return { status: 409 };
  if (model.authors.has(who)) return { status: 403 };
  if (round.decided.has(who)) return { status: 409 };
  const slots = slotsOf(round.active, who);
  if (slots.length === 0) {
    const later = modelStages.some(
      (_, index) => index > round.active && slotsOf(index, who).length > 0,
    );
    return { status: later ? 409 : 403 };
  }
  const given = round.approvals[round.active] ?? [];
  if (kind === 'approve') {
    const before = filled(given);
    const after = filled([...given, slots]);
    if (after === before) return { status: 409 };
    return {
      status: 200,
      apply: () => {
        round.decided.add(who);
        given.push(slots);
        if (after === modelStages[round.active]?.slots.length) round.active += 1;
        if (round.active === modelStages.length) model.state = 'approved';
      },
    };
  }
  return {
    status: 200,
    apply: () => {
      model.state = 'draft';
      model.round = null;
    },
  };
}

const action: fc.Arbitrary<Action> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constant<Kind>('approve') },
    { weight: 2, arbitrary: fc.constant<Kind>('submit') },
    { weight: 1, arbitrary: fc.constant<Kind>('edit') },
    { weight: 1, arbitrary: fc.constant<Kind>('reject') },
    { weight: 1, arbitrary: fc.constant<Kind>('request-changes') },
    { weight: 1, arbitrary: fc.constant<Kind>('schedule') },
  ),
  who: fc.constantFrom(...names),
});

/** Whether the creator submits first (most interesting sequences start in approval), then the rest. */
const sequence = fc.tuple(fc.boolean(), fc.array(action, { maxLength: 12 }));
type Sequence = [boolean, Action[]];

const act = (kind: Kind, who: Name): Action => ({ kind, who });
/** Always tried: the happy path, the admin override, and resets and refusals along the way. */
const examples: Array<[Sequence]> = [
  [[true, [act('approve', 'alpha'), act('approve', 'bee'), act('approve', 'dee')]]],
  [[true, [act('approve', 'admin'), act('approve', 'both'), act('approve', 'both')]]],
  [[true, [act('approve', 'creator'), act('approve', 'dee'), act('approve', 'bee')]]],
  [
    [
      true,
      [
        act('approve', 'both'),
        act('approve', 'bee'),
        act('schedule', 'bee'),
        act('schedule', 'admin'),
        act('approve', 'dee'),
        act('schedule', 'dee'),
        act('schedule', 'alpha'),
        act('approve', 'admin'),
        act('edit', 'alpha'),
        act('schedule', 'creator'),
        act('approve', 'admin'),
        act('approve', 'bee'),
      ],
    ],
  ],
  [
    [
      true,
      [
        act('approve', 'bee'),
        act('approve', 'alpha'),
        act('edit', 'dee'),
        act('approve', 'bee'),
        act('approve', 'both'),
        act('approve', 'dee'),
        act('approve', 'admin'),
      ],
    ],
  ],
  [
    [
      false,
      [
        act('approve', 'bee'),
        act('submit', 'bee'),
        act('submit', 'alpha'),
        act('reject', 'outsider'),
        act('request-changes', 'bee'),
        act('edit', 'alpha'),
        act('submit', 'dee'),
        act('approve', 'alpha'),
        act('approve', 'both'),
        act('approve', 'bee'),
        act('approve', 'admin'),
      ],
    ],
  ],
];

interface ApprovalView {
  campaign: { state: string };
  round: null | { status: string; stages: Array<{ status: string; remaining: number }> };
}

describe.each(databaseKinds)('approval property on %s', (kind) => {
  let t: TestApp;
  let adminKey = '';
  const sessions = {} as Record<Exclude<Name, 'admin'>, SignedIn>;
  const memberIds = {} as Record<Exclude<Name, 'admin'>, string>;

  beforeAll(async () => {
    t = await startTestApp(kind, { RATE_LIMIT_PER_MINUTE: '1000000' });
    adminKey = (await t.createWorkspace()).adminKey;
    const cast: Array<[Exclude<Name, 'admin'>, string]> = [
      ['creator', 'editor'],
      ['alpha', 'editor'],
      ['bee', 'reviewer'],
      ['both', 'reviewer'],
      ['dee', 'contributor'],
      ['outsider', 'reviewer'],
    ];
    for (const [name, role] of cast) {
      const invited = await invite(t, adminKey, role);
      const labels = [...people[name].labels];
      const labelled = await t.app.inject({
        method: 'PATCH',
        url: `/v1/members/${invited.id}`,
        headers: bearer(adminKey),
        payload: { labels },
      });
      expect(labelled.statusCode, labelled.body).toBe(200);
      sessions[name] = await setup(t, invited.setupToken);
      memberIds[name] = invited.id;
    }
    const policy = await t.app.inject({
      method: 'PUT',
      url: '/v1/approval-policy',
      headers: bearer(adminKey),
      payload: {
        levels: [
          { id: 'auto', name: 'Automatic', stages: [] },
          {
            id: 'P',
            name: 'Pair, then either',
            stages: [
              {
                name: 'pair',
                mode: 'all',
                approvers: { roles: ['alpha'], members: [memberIds.bee] },
                slaMinutes: 600,
              },
              {
                name: 'either',
                mode: 'any',
                approvers: { roles: ['gamma'], members: [memberIds.dee] },
                slaMinutes: 600,
              },
            ],
          },
        ],
        rules: [
          { id: 'featured', description: 'Featured items', when: { featured: true }, level: 'P' },
        ],
        defaultLevel: 'auto',
        legalStage: {
          name: 'legal',
          mode: 'any',
          approvers: { roles: ['legal'], members: [] },
          slaMinutes: 1440,
        },
      },
    });
    expect(policy.statusCode, policy.body).toBe(200);
  });
  afterAll(() => t?.close());

  function request(
    who: Name,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    if (who === 'admin')
      return t.app.inject({ method, url, headers: bearer(adminKey), ...(payload && { payload }) });
    return asMember(t, sessions[who], method, url, payload);
  }

  /** The product's one gate: scheduling an hour ahead. */
  const schedule = (campaignId: string, who: Name = 'admin') =>
    request(who, 'POST', `/v1/campaigns/${campaignId}/schedule`, {
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });

  let edits = 0;
  function perform(campaignId: string, draftId: string, { kind: verb, who }: Action) {
    if (verb === 'edit') {
      edits += 1;
      return request(who, 'PATCH', `/v1/drafts/${draftId}`, {
        posts: [{ text: `Four slow breaths tonight: a calmer routine for busy weeks (${edits}).` }],
        note: `edit ${edits}`,
      });
    }
    if (verb === 'schedule') return schedule(campaignId, who);
    const payload = verb === 'reject' || verb === 'request-changes' ? { comment: 'No.' } : {};
    return request(who, 'POST', `/v1/campaigns/${campaignId}/${verb}`, payload);
  }

  it('a campaign is publishable iff every stage of its level holds valid approvals', async () => {
    const outcomes = { publishable: 0, notPublishable: 0, accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(sequence, async ([submitFirst, actions]) => {
        const created = await request('creator', 'POST', '/v1/campaigns', {
          name: 'Property',
          items: [
            {
              title: 'Our featured breathing guide',
              content: 'Four slow breaths before bed make for a calmer evening routine.',
              featured: true,
            },
          ],
          channels: ['x'],
        });
        expect(created.statusCode, created.body).toBe(201);
        const campaign = created.json<{
          id: string;
          state: string;
          drafts: Array<{ id: string }>;
        }>();
        expect(campaign.state).toBe('draft');
        const draftId = campaign.drafts[0]?.id ?? '';
        const model: Model = { state: 'draft', authors: new Set(['creator']), round: null };
        const steps = submitFirst ? [act('submit', 'creator'), ...actions] : actions;
        const trail: string[] = [];
        for (const step of steps) {
          const want = expected(model, step);
          const response = await perform(campaign.id, draftId, step);
          trail.push(`${step.who} ${step.kind} → ${response.statusCode}`);
          const why = `${trail.join('; ')}\n${response.body}`;
          expect(response.statusCode, why).toBe(want.status);
          if (want.apply) {
            outcomes.accepted += 1;
            want.apply();
          } else outcomes.refused += 1;
          // The campaign's state and its live round match the model after every step.
          const view = (
            await request('admin', 'GET', `/v1/campaigns/${campaign.id}/approval`)
          ).json<ApprovalView>();
          expect(view.campaign.state, why).toBe(model.state);
          if (model.round && model.state === 'pending_approval') {
            const round = model.round;
            expect(view.round?.status, why).toBe('pending');
            expect(
              view.round?.stages.map((stage) => [stage.status, stage.remaining]),
              why,
            ).toEqual(
              modelStages.map((stage, index) => [
                index < round.active ? 'approved' : index === round.active ? 'active' : 'waiting',
                stage.slots.length - filled(round.approvals[index] ?? []),
              ]),
            );
          }
          // "Only if", at every step: while the model says some stage lacks valid approvals the
          // gate refuses (a 409 changes nothing, so the sequence goes on undisturbed).
          if (!everyStageApproved(model)) {
            const refused = await schedule(campaign.id);
            expect(refused.statusCode, `${why}\nschedule: ${refused.body}`).toBe(409);
          }
        }
        // "If", at the end: the gate lets the campaign through exactly when the model says so.
        const publishable = everyStageApproved(model);
        const gate = await schedule(campaign.id);
        expect(
          gate.statusCode,
          `${trail.join('; ')}\nschedule (model: ${publishable ? '' : 'not '}publishable): ${gate.body}`,
        ).toBe(publishable ? 200 : 409);
        if (publishable) outcomes.publishable += 1;
        else outcomes.notPublishable += 1;
      }),
      { numRuns: 100, examples },
    );
    // The examples (run first, within the 100) guarantee both sides of the "iff" are exercised.
    expect(outcomes.publishable).toBeGreaterThan(0);
    expect(outcomes.notPublishable).toBeGreaterThan(0);
  }, 240_000);
});
