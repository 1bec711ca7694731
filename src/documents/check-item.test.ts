import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkItem } from './check-item.ts';
import type { Item, ItemIssue } from './item.ts';
import { parseDocument } from './parse-document.ts';

const now = new Date('2026-11-25T12:00:00Z');

function words(count: number): string {
  return Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
}

/** A valid update; each test overrides only what its rule looks at. */
function makeItem(overrides: Partial<Item> = {}): Item {
  return {
    key: 'notes/example',
    section: 'notes',
    sectionHeading: null,
    title: 'Example',
    body: 'A short but valid body.',
    date: '2026-11-20',
    type: 'update',
    priority: 3,
    featured: false,
    published: true,
    dryRun: false,
    channels: null,
    tags: [],
    link: null,
    callToAction: null,
    category: null,
    scheduledFor: null,
    template: null,
    fields: {},
    metadata: {},
    contentHash: 'hash',
    line: 1,
    ...overrides,
  };
}

/** A valid session recap: every required field present and in range, score 3. */
function makeSession(fields: Item['fields'] = {}, overrides: Partial<Item> = {}): Item {
  return makeItem({
    type: 'session',
    fields: {
      sessionId: 's-1',
      durationSeconds: 1800,
      participants: 12,
      techniques: ['box breathing'],
      averageImprovement: 8,
      sessionType: 'guided',
      ...fields,
    },
    ...overrides,
  });
}

function codes(issues: ItemIssue[], severity?: ItemIssue['severity']): string[] {
  return issues
    .filter((issue) => severity === undefined || issue.severity === severity)
    .map((issue) => issue.code);
}

function issuesOf(item: Item): ItemIssue[] {
  return checkItem(item, now);
}

describe('checkItem: rules for every type', () => {
  it('accepts a valid update', () => {
    expect(issuesOf(makeItem())).toEqual([]);
  });

  it('rejects a title over 200 characters and a blank one', () => {
    const long = issuesOf(makeItem({ title: 'x'.repeat(201) }));
    expect(long).toContainEqual(
      expect.objectContaining({ code: 'title_length', field: 'title', severity: 'error' }),
    );
    expect(codes(issuesOf(makeItem({ title: '   ' })))).toContain('title_length');
    expect(codes(issuesOf(makeItem({ title: 'x'.repeat(200) })))).not.toContain('title_length');
  });

  it('rejects a body under three words', () => {
    expect(issuesOf(makeItem({ body: 'Two words' }))).toContainEqual(
      expect.objectContaining({
        code: 'body_too_short',
        field: 'body',
        severity: 'error',
        itemKey: 'notes/example',
      }),
    );
    expect(codes(issuesOf(makeItem({ body: 'Three whole words' })))).toEqual([]);
  });

  it('needs a schedule in the future and within a year', () => {
    expect(codes(issuesOf(makeItem({ scheduledFor: '2026-12-01T00:00:00.000Z' })))).toEqual([]);
    expect(codes(issuesOf(makeItem({ scheduledFor: '2026-11-25T11:59:00.000Z' })))).toEqual([
      'scheduled_in_past',
    ]);
    expect(codes(issuesOf(makeItem({ scheduledFor: '2027-11-25T12:00:00.000Z' })))).toEqual([]);
    expect(codes(issuesOf(makeItem({ scheduledFor: '2027-11-26T00:00:00.000Z' })))).toEqual([
      'scheduled_too_far',
    ]);
  });

  it('refuses a featured draft, and still checks other drafts', () => {
    expect(issuesOf(makeItem({ featured: true, published: false }))).toContainEqual(
      expect.objectContaining({ code: 'featured_draft', field: 'featured', severity: 'error' }),
    );
    expect(codes(issuesOf(makeItem({ featured: true })))).toEqual([]);
    expect(codes(issuesOf(makeItem({ published: false, body: 'Hi' })))).toEqual(['body_too_short']);
  });
});

describe('checkItem: update', () => {
  it('allows 10 tags and rejects 11', () => {
    const tags = Array.from({ length: 11 }, (_, index) => `t${index}`);
    expect(codes(issuesOf(makeItem({ tags: tags.slice(0, 10) })))).toEqual([]);
    expect(issuesOf(makeItem({ tags }))).toContainEqual(
      expect.objectContaining({ code: 'too_many_tags', field: 'tags', severity: 'error' }),
    );
  });

  it('warns above 500 words', () => {
    expect(codes(issuesOf(makeItem({ body: words(500) })))).toEqual([]);
    expect(codes(issuesOf(makeItem({ body: words(501) })), 'warning')).toEqual(['too_long']);
  });
});

describe('checkItem: blog', () => {
  const seoDescription = 'A description long enough for a search result snippet to read well.';
  const blog = (overrides: Partial<Item> = {}, fields: Item['fields'] = { seoDescription }) =>
    makeItem({ type: 'blog', category: 'Science', body: words(300), fields, ...overrides });

  it('accepts a complete post', () => {
    expect(issuesOf(blog())).toEqual([]);
  });

  it('requires a category', () => {
    expect(issuesOf(blog({ category: null }))).toContainEqual(
      expect.objectContaining({ code: 'category_missing', field: 'category', severity: 'error' }),
    );
  });

  it('limits tags to 15 and keywords to 5', () => {
    const tags = Array.from({ length: 16 }, (_, index) => `t${index}`);
    expect(codes(issuesOf(blog({ tags: tags.slice(0, 15) })))).toEqual([]);
    expect(codes(issuesOf(blog({ tags })))).toEqual(['too_many_tags']);
    const keywords = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(codes(issuesOf(blog({}, { seoDescription, keywords: keywords.slice(0, 5) })))).toEqual(
      [],
    );
    expect(issuesOf(blog({}, { seoDescription, keywords }))).toContainEqual(
      expect.objectContaining({ code: 'too_many_keywords', field: 'fields.keywords' }),
    );
  });

  it('checks the SEO description length, and notes when it will be generated', () => {
    expect(issuesOf(blog({}, { seoDescription: 'Too short.' }))).toContainEqual(
      expect.objectContaining({
        code: 'seo_description_length',
        severity: 'warning',
        field: 'fields.seoDescription',
      }),
    );
    expect(codes(issuesOf(blog({}, { seoDescription: 'x'.repeat(161) })))).toEqual([
      'seo_description_length',
    ]);
    expect(issuesOf(blog({}, {}))).toEqual([
      expect.objectContaining({ code: 'seo_description_generated', severity: 'info' }),
    ]);
  });

  it('warns under 300 words', () => {
    expect(codes(issuesOf(blog({ body: words(299) })))).toEqual(['too_short']);
  });
});

describe('checkItem: announcement', () => {
  const announcement = (overrides: Partial<Item> = {}, fields: Item['fields'] = {}) =>
    makeItem({
      type: 'announcement',
      body: 'We have news for everyone today.',
      fields,
      ...overrides,
    });

  it('detects the urgency from the words when none is given', () => {
    const detected = (body: string) =>
      issuesOf(announcement({ body })).find((issue) => issue.code === 'urgency_detected')?.message;
    expect(detected('A critical fix ships today.')).toContain('"critical"');
    expect(detected('Breaking: we launched something.')).toContain('"high"');
    expect(detected('An important change to billing.')).toContain('"medium"');
    expect(detected('A small change to billing.')).toContain('"low"');
    expect(codes(issuesOf(announcement({}, { urgency: 'low' })))).toEqual([]);
  });

  it('wants high and critical announcements featured with the matching priority', () => {
    expect(
      codes(issuesOf(announcement({ featured: true, priority: 1 }, { urgency: 'critical' }))),
    ).toEqual([]);
    expect(
      codes(issuesOf(announcement({ featured: true, priority: 2 }, { urgency: 'high' }))),
    ).toEqual([]);
    expect(issuesOf(announcement({}, { urgency: 'critical' }))).toEqual([
      expect.objectContaining({
        code: 'urgent_not_featured',
        field: 'featured',
        severity: 'warning',
      }),
      expect.objectContaining({ code: 'urgency_priority', field: 'priority', severity: 'warning' }),
    ]);
    expect(
      codes(issuesOf(announcement({ featured: true, priority: 1 }, { urgency: 'high' }))),
    ).toEqual(['urgency_priority']);
  });

  it('needs an expiry after the item date', () => {
    expect(codes(issuesOf(announcement({}, { urgency: 'low', expiresAt: '2026-11-21' })))).toEqual(
      [],
    );
    expect(issuesOf(announcement({}, { urgency: 'low', expiresAt: '2026-11-20' }))).toEqual([
      expect.objectContaining({
        code: 'expires_before_date',
        field: 'fields.expiresAt',
        severity: 'error',
      }),
    ]);
  });
});

describe('checkItem: session', () => {
  it('accepts a complete recap and reports its quality score', () => {
    expect(issuesOf(makeSession())).toEqual([
      expect.objectContaining({
        code: 'quality_score',
        severity: 'info',
        message: expect.stringContaining('3 of 5'),
      }),
    ]);
  });

  it('names each missing required field', () => {
    const item = makeItem({ type: 'session', date: null });
    expect(issuesOf(item).map((issue) => issue.field)).toEqual([
      'fields.sessionId',
      'fields.durationSeconds',
      'fields.participants',
      'fields.techniques',
      'fields.averageImprovement',
      'fields.sessionType',
      'date',
    ]);
  });

  it('checks every range', () => {
    const outOfRange = (fields: Item['fields']) =>
      issuesOf(makeSession(fields))
        .filter((issue) => issue.code === 'out_of_range')
        .map((issue) => issue.field);
    expect(
      outOfRange({ durationSeconds: 7200, participants: 1000, averageImprovement: -100 }),
    ).toEqual([]);
    expect(outOfRange({ durationSeconds: 0 })).toEqual(['fields.durationSeconds']);
    expect(outOfRange({ durationSeconds: 7201 })).toEqual(['fields.durationSeconds']);
    expect(outOfRange({ participants: 0 })).toEqual(['fields.participants']);
    expect(outOfRange({ participants: 1001 })).toEqual(['fields.participants']);
    expect(outOfRange({ techniques: [] })).toEqual(['fields.techniques']);
    expect(outOfRange({ techniques: Array.from({ length: 11 }, String) })).toEqual([
      'fields.techniques',
    ]);
    expect(outOfRange({ averageImprovement: 201 })).toEqual(['fields.averageImprovement']);
    expect(outOfRange({ averageImprovement: -101 })).toEqual(['fields.averageImprovement']);
    expect(outOfRange({ achievements: Array.from({ length: 10 }, String) })).toEqual([]);
    expect(outOfRange({ achievements: Array.from({ length: 11 }, String) })).toEqual([
      'fields.achievements',
    ]);
  });

  it('needs an instructor for live sessions and 5 participants for workshops', () => {
    expect(
      codes(issuesOf(makeSession({ sessionType: 'live', instructor: 'Ana' })), 'error'),
    ).toEqual([]);
    expect(issuesOf(makeSession({ sessionType: 'live' }))).toContainEqual(
      expect.objectContaining({
        code: 'missing_field',
        field: 'fields.instructor',
        severity: 'error',
      }),
    );
    expect(
      codes(issuesOf(makeSession({ sessionType: 'workshop', participants: 5 })), 'error'),
    ).toEqual([]);
    expect(
      codes(issuesOf(makeSession({ sessionType: 'workshop', participants: 4 })), 'error'),
    ).toEqual(['workshop_too_small']);
  });

  it('needs a session date in the last 30 days', () => {
    expect(codes(issuesOf(makeSession({}, { date: '2026-11-25' })), 'error')).toEqual([]);
    expect(codes(issuesOf(makeSession({}, { date: '2026-10-26' })), 'error')).toEqual([]);
    expect(codes(issuesOf(makeSession({}, { date: '2026-10-25' })), 'error')).toEqual([
      'session_too_old',
    ]);
    expect(codes(issuesOf(makeSession({}, { date: '2026-11-26' })), 'error')).toEqual([
      'session_in_future',
    ]);
    expect(codes(issuesOf(makeSession({}, { date: '2026-11-25T13:00:00.000Z' })), 'error')).toEqual(
      ['session_in_future'],
    );
  });

  it('scores improvement and wants a score-5 session featured', () => {
    const score = (averageImprovement: number) =>
      issuesOf(makeSession({ averageImprovement }, { featured: true })).find(
        (issue) => issue.code === 'quality_score',
      )?.message;
    expect(score(16)).toContain('5 of 5');
    expect(score(15)).toContain('4 of 5');
    expect(score(10)).toContain('3 of 5');
    expect(score(0)).toContain('2 of 5');
    expect(score(-1)).toContain('1 of 5');
    expect(
      codes(issuesOf(makeSession({ averageImprovement: 16 }, { featured: true })), 'warning'),
    ).toEqual([]);
    expect(issuesOf(makeSession({ averageImprovement: 16 }))).toContainEqual(
      expect.objectContaining({
        code: 'top_session_not_featured',
        field: 'featured',
        severity: 'warning',
      }),
    );
  });
});

describe('parseDocument: item issues', () => {
  const text = readFileSync(
    new URL('../../test/fixtures/living-docs/stillwave-flags.md', import.meta.url),
    'utf8',
  );
  const result = parseDocument(text, { now });

  it('finds no category error on the stillwave-flags.md blog item', () => {
    const blog = result.items.find((item) => item.type === 'blog');
    expect(blog?.category).toBe('Science & Research');
    const blogIssues = result.issues.filter((issue) => issue.itemKey === blog?.key);
    expect(codes(blogIssues)).not.toContain('category_missing');
    expect(codes(blogIssues, 'error')).toEqual([]);
  });

  it('reports issues only for items it returns', () => {
    const keys = new Set(result.items.map((item) => item.key));
    expect(result.issues.every((issue) => keys.has(issue.itemKey))).toBe(true);
  });
});
