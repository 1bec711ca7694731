import { describe, expect, it } from 'vitest';
import type { CampaignFacts, ItemFact } from './campaign-facts.ts';
import { computeLevel } from './compute-level.ts';
import { defaultPolicy } from './default-policy.ts';
import { policySchema } from './policy.ts';

const item = (overrides: Partial<ItemFact> = {}): ItemFact => ({
  key: 'app/item',
  type: 'update',
  priority: 3,
  featured: false,
  urgency: null,
  ...overrides,
});

const facts = (items: ItemFact[], extra: Partial<CampaignFacts> = {}): CampaignFacts => ({
  items,
  channels: ['x'],
  sensitive: [],
  errors: [],
  ...extra,
});

const claim = {
  topic: 'health_claim' as const,
  target: 'x',
  field: 'posts[0].text',
  message: '"reduces anxiety" reads as a health or medical claim',
};

describe('computeLevel with the default policy (PRODUCT.md §6)', () => {
  it('is valid by its own schema', () => {
    expect(policySchema.safeParse(defaultPolicy).success).toBe(true);
  });

  it('approves a priority-3 update automatically (L1, no stages), saying no rule matched', () => {
    const decision = computeLevel(defaultPolicy, facts([item()]));
    expect(decision.level).toBe('L1');
    expect(decision.stages).toEqual([]);
    expect(decision.rule).toBeNull();
    expect(decision.summary).toContain('no rule matched');
  });

  it('sends a featured item to L2: editor and marketing in parallel, both', () => {
    const decision = computeLevel(
      defaultPolicy,
      facts([item({ key: 'app/star', featured: true })]),
    );
    expect(decision.level).toBe('L2');
    expect(decision.rule?.id).toBe('featured');
    expect(decision.reasons).toEqual(['item app/star is featured']);
    expect(decision.stages).toMatchObject([
      { mode: 'all', approvers: { roles: ['editor', 'marketing'] }, slaMinutes: 1440 },
    ]);
  });

  it('sends blogs and multi-item digests to L2', () => {
    expect(computeLevel(defaultPolicy, facts([item({ type: 'blog' })])).rule?.id).toBe('blog');
    const digest = computeLevel(defaultPolicy, facts([item({ key: 'a/1' }), item({ key: 'a/2' })]));
    expect(digest.level).toBe('L2');
    expect(digest.rule?.id).toBe('weekly-update');
    expect(digest.reasons).toEqual(['it carries 2 items']);
  });

  it('sends an announcement to L3: marketing manager, then executive', () => {
    const decision = computeLevel(
      defaultPolicy,
      facts([
        item({
          key: 'news/launch',
          type: 'announcement',
          priority: 2,
          featured: true,
          urgency: 'high',
        }),
      ]),
    );
    expect(decision.level).toBe('L3');
    expect(decision.rule).toMatchObject({ id: 'announcement', position: 3 });
    expect(decision.reasons).toEqual(['item news/launch is an announcement']);
    expect(decision.stages.map((stage) => stage.approvers.roles)).toEqual([
      ['marketing_manager'],
      ['executive'],
    ]);
    expect(decision.stages.map((stage) => stage.slaMinutes)).toEqual([4320, 4320]);
  });

  it('sends priority 1 or critical urgency to L4, where any executive suffices', () => {
    const urgent = computeLevel(defaultPolicy, facts([item({ priority: 1 })]));
    expect(urgent.level).toBe('L4');
    expect(urgent.stages).toMatchObject([
      { mode: 'any', approvers: { roles: ['executive'] }, slaMinutes: 120 },
    ]);
    const critical = computeLevel(
      defaultPolicy,
      facts([item({ type: 'announcement', priority: 3, urgency: 'critical' })]),
    );
    expect(critical.rule?.id).toBe('critical');
  });

  it('adds the legal stage after the level stages for a health claim, at any level', () => {
    const l1 = computeLevel(defaultPolicy, facts([item()], { sensitive: [claim] }));
    expect(l1.level).toBe('L1');
    expect(l1.stages.map((stage) => [stage.name, stage.origin])).toEqual([['legal', 'legal']]);
    expect(l1.legal.required).toBe(true);
    expect(l1.legal.reasons[0]).toContain('reduces anxiety');
    expect(l1.summary).toContain('legal stage is added');
    const l3 = computeLevel(
      defaultPolicy,
      facts([item({ type: 'announcement' })], { sensitive: [claim] }),
    );
    expect(l3.stages.map((stage) => stage.origin)).toEqual(['level', 'level', 'legal']);
  });

  it('needs every condition of a rule, tries rules in order, and explains channels and topics', () => {
    const policy = policySchema.parse({
      ...defaultPolicy,
      rules: [
        {
          id: 'email-blog',
          description: 'a blog post by email',
          when: { contentTypes: ['blog'], channels: ['email'] },
          level: 'L3',
        },
        {
          id: 'claims',
          description: 'claims',
          when: { sensitiveTopics: ['health_claim'] },
          level: 'L4',
        },
      ],
    });
    const blogOnX = computeLevel(policy, facts([item({ type: 'blog' })]));
    expect(blogOnX.level).toBe('L1');
    const blogByEmail = computeLevel(
      policy,
      facts([item({ type: 'blog' })], { channels: ['x', 'email'] }),
    );
    expect(blogByEmail.level).toBe('L3');
    expect(blogByEmail.reasons).toEqual(['item app/item is a blog', 'it goes to email']);
    const claims = computeLevel(policy, facts([item()], { sensitive: [claim] }));
    expect(claims.level).toBe('L4');
    expect(claims.reasons[0]).toContain('health or medical claim in x (posts[0].text)');
  });

  it('keeps explanations short for long digests', () => {
    const many = Array.from({ length: 8 }, (_, index) =>
      item({ key: `a/${index}`, featured: true }),
    );
    expect(computeLevel(defaultPolicy, facts(many)).reasons).toEqual([
      'item a/0 is featured',
      'item a/1 is featured',
      'item a/2 is featured',
      'and 5 more',
    ]);
  });
});

describe('policySchema', () => {
  it('refuses rules naming missing levels, repeated ids, and stages without approvers', () => {
    const result = policySchema.safeParse({
      ...defaultPolicy,
      levels: [
        ...defaultPolicy.levels,
        { id: 'L1', name: 'again', stages: [] },
        {
          id: 'L9',
          name: 'nobody',
          stages: [
            { name: 's', mode: 'any', approvers: { roles: [], members: [] }, slaMinutes: 5 },
          ],
        },
      ],
      rules: [{ id: 'r', description: 'r', when: { featured: true }, level: 'L7' }],
      defaultLevel: 'L0',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'levels.4.id',
        'rules.0.level',
        'defaultLevel',
        'levels.5.stages.0.approvers',
      ]),
    );
  });

  it('refuses a rule without conditions', () => {
    const result = policySchema.safeParse({
      ...defaultPolicy,
      rules: [{ id: 'r', description: 'always', when: {}, level: 'L2' }],
    });
    expect(result.success).toBe(false);
  });
});
