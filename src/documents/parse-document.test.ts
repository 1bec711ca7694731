import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParseResult, parseResultSchema } from './item.ts';
import { parseDocument } from './parse-document.ts';

const now = new Date('2026-11-25T12:00:00Z');

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/living-docs/${name}`, import.meta.url), 'utf8');
}

/** Parses and checks the result against the published schema, so every item is valid. */
function parse(text: string, strategy?: 'markdown' | 'json' | 'freeform'): ParseResult {
  const result = parseDocument(text, { now, strategy });
  expect(parseResultSchema.safeParse(result).success).toBe(true);
  return result;
}

function countBySection(result: ParseResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of result.items) counts[item.section] = (counts[item.section] ?? 0) + 1;
  return counts;
}

function codes(result: ParseResult): string[] {
  return result.warnings.map((warning) => warning.code);
}

describe('parseDocument: stillwave-weekly.md', () => {
  const result = parse(fixture('stillwave-weekly.md'));

  it('reads sections, titles and dates', () => {
    expect(result.strategy).toBe('markdown');
    expect(result.title).toBe('Stillwave Living Document');
    expect(countBySection(result)).toEqual({ app: 3, hardware: 2, tips: 3, vision: 1 });
    expect(result.items[0]).toMatchObject({
      key: 'app/adaptive-pace-coach',
      sectionHeading: 'Recent Updates',
      date: '2026-11-18',
      published: true,
      line: 5,
    });
    expect(result.warnings).toEqual([]);
  });

  it('lets a Title field override the ### heading', () => {
    const tips = result.items.filter((item) => item.section === 'tips').map((item) => item.title);
    expect(tips).toEqual([
      'Reset in Four Counts',
      'Longer Out-Breaths for Better Sleep',
      'Find Your Resonant Rate',
    ]);
  });

  it('gives the same items for a CRLF + BOM copy', () => {
    const windows = `\uFEFF${fixture('stillwave-weekly.md').replace(/\n/g, '\r\n')}`;
    expect(parse(windows)).toEqual(result);
  });
});

describe('parseDocument: stillwave-flags.md', () => {
  const result = parse(fixture('stillwave-flags.md'));
  const byTitle = (title: string) => result.items.find((item) => item.title === title);

  it('applies section flags to the announcement', () => {
    expect(byTitle('Stillwave 3.0 Is Here')).toMatchObject({
      type: 'announcement',
      priority: 1,
      featured: true,
      link: 'https://stillwave.example/releases/3-0',
      callToAction: 'Update now',
    });
  });

  it('reads the blog item, its schedule offset and its channel override', () => {
    expect(byTitle('What Six Breaths a Minute Does to Your Heart')).toMatchObject({
      type: 'blog',
      category: 'Science & Research',
      tags: ['resonance', 'heart rate variability', 'research'],
      scheduledFor: '2026-12-02T15:00:00.000Z',
      channels: ['web', 'linkedin'],
    });
    expect(byTitle('What Six Breaths a Minute Does to Your Heart')?.body).toContain(
      '\n\nThe short version:',
    );
  });

  it('marks the item-level draft', () => {
    expect(byTitle('Draft: Holiday Schedule')).toMatchObject({ published: false, dryRun: true });
  });

  it('applies document-level channels and template where not overridden', () => {
    expect(byTitle('Community Challenge Results')).toMatchObject({
      channels: ['email', 'web', 'x', 'linkedin'],
      template: 'modern',
      published: true,
    });
  });
});

describe('parseDocument: other strategies', () => {
  it('reads structured JSON', () => {
    const result = parse(fixture('structured-items.json'));
    expect(result.strategy).toBe('json');
    expect(result.title).toBe('Stillwave structured feed');
    expect(result.items.map((item) => item.section)).toEqual(['app', 'tips', 'announcements']);
    expect(result.items[2]).toMatchObject({ type: 'announcement', priority: 2, line: 0 });
    expect(result.items[0]?.tags).toEqual(['streaks', 'app']);
  });

  it('keeps good JSON entries and warns about malformed ones', () => {
    const text = JSON.stringify([
      { title: 'Kept', content: 'a b c', scheduled_for: '2026-12-01' },
      7,
      {},
    ]);
    const result = parse(text);
    expect(result.items.map((item) => item.title)).toEqual(['Kept']);
    expect(result.items[0]?.scheduledFor).toBe('2026-12-01T00:00:00.000Z');
    expect(codes(result)).toEqual(['bad_entry', 'bad_entry']);
  });

  it('reads freeform notes', () => {
    const result = parse(fixture('freeform-notes.txt'));
    expect(result.strategy).toBe('freeform');
    expect(result.title).toBe('Quarterly note from the Stillwave team');
    expect(result.items.map((item) => item.title)).toEqual([
      'Three releases, two hundred tickets',
      'Hardware pilot in clinics',
      'Try this at your desk',
    ]);
    expect(result.items.every((item) => item.section === 'notes')).toBe(true);
  });

  it('derives a freeform title from the first sentence of a long block', () => {
    const result = parse('We shipped it. Then we rested for a week and had cake.', 'freeform');
    expect(result.items[0]?.title).toBe('We shipped it');
  });
});

describe('parseDocument: hostile.md', () => {
  const result = parse(fixture('hostile.md'));

  it('keeps every item except the second duplicate', () => {
    expect(result.items).toHaveLength(9);
    expect(result.items.filter((item) => item.title === 'Duplicate Item')).toHaveLength(1);
    expect(result.items.find((item) => item.title === 'Bad Date')?.date).toBeNull();
    expect(result.items.find((item) => item.title === 'Stale News')?.date).toBe('2024-01-02');
  });

  it('warns about the duplicate, the stale item, the bad date and the unknown flag', () => {
    expect(codes(result).sort()).toEqual(['bad_date', 'duplicate', 'stale', 'unknown_flag']);
    expect(result.warnings.find((warning) => warning.code === 'bad_date')).toMatchObject({
      line: 32,
      itemKey: 'app/bad-date',
    });
  });

  it('understands mixed-case flags and a tag-only section heading', () => {
    expect(result.items.find((item) => item.title === 'Lenient Flags')).toMatchObject({
      channels: ['email', 'web'],
      published: true,
    });
    expect(result.items.find((item) => item.section === 'tips')?.sectionHeading).toBeNull();
  });
});

describe('parseDocument: markdown details', () => {
  it('accepts **Key**: fields, * bullets, unknown keys and escaped titles', () => {
    const text = [
      '## Notes',
      '### Fix \\(finally\\)',
      '* **priority**: 9',
      '- **Mood:** calm',
      '- **Content:** First line.',
      '',
      '- a list item',
      '',
    ].join('\n');
    const result = parse(text);
    expect(result.items[0]).toMatchObject({
      key: 'notes/fix-finally',
      title: 'Fix (finally)',
      priority: 3,
      metadata: { Mood: 'calm' },
      body: 'First line.\n\n- a list item',
    });
    expect(codes(result)).toEqual(['bad_priority']);
  });

  it('keeps a # that is part of the heading text', () => {
    const titles = parse('## A\n### C#\nBody one.\n### Closed ###\nBody two.').items.map(
      (i) => i.title,
    );
    expect(titles).toEqual(['C#', 'Closed']);
  });

  it('suffixes the key of a different item that would collide', () => {
    const text = '## A\n### Same\nOne body.\n### Same\nAnother body.';
    expect(parse(text).items.map((item) => item.key)).toEqual(['a/same', 'a/same-2']);
  });

  it('changes the content hash when the body changes, not when the line moves', () => {
    const [first] = parse('## A\n### T\nBody.').items;
    const [moved] = parse('\n\n## A\n### T\nBody.').items;
    const [edited] = parse('## A\n### T\nBody!').items;
    expect(moved?.contentHash).toBe(first?.contentHash);
    expect(edited?.contentHash).not.toBe(first?.contentHash);
  });
});

describe('parseDocument: never throws', () => {
  it('returns a valid result for any string', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(undefined, 'markdown', 'json', 'freeform'),
        (text, strategy) => {
          const result = parseDocument(text, { now, strategy });
          expect(parseResultSchema.safeParse(result).success).toBe(true);
        },
      ),
    );
  });

  it('gives text with no usable words a placeholder title', () => {
    expect(parse('.', 'freeform').items[0]?.title).toBe('Untitled');
  });

  it('survives markdown-shaped noise', () => {
    const pieces = [
      '# ',
      '## ',
      '### ',
      '[x]',
      '- **Date:** ',
      '<!-- a: b -->',
      '\n',
      '\r\n',
      'x',
      ' ',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces)), (parts) => {
        const result = parseDocument(parts.join(''), { now });
        expect(parseResultSchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});

describe('hostile field names', () => {
  it('keeps `constructor` and `__proto__` field lines as metadata, not as prototype lookups', () => {
    const result = parseDocument(
      '## Notes\n\n### An item\n- **Constructor:** kept\n- **__proto__:** also kept\n- **Content:** Body text here.',
      { now: new Date('2026-11-25T12:00:00Z') },
    );
    const [item] = result.items;
    expect(item?.metadata).toEqual(
      Object.fromEntries([
        ['Constructor', 'kept'],
        ['__proto__', 'also kept'],
      ]),
    );
    expect(Object.getPrototypeOf(item?.metadata)).toBe(Object.prototype);
  });
});
