import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResultSchema, strategies } from './item.ts';
import { parseDocument } from './parse-document.ts';

const now = new Date('2026-11-25T12:00:00Z');

/** Lines people (and attackers) really put in living documents, mixed with arbitrary text. */
const documentLine = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '# Title',
    '## [App] Updates',
    '## Plain Section',
    '## [] Empty tag',
    '### An item',
    '### \\(escaped\\) title',
    '###',
    '- **Date:** 2026-11-18',
    '- **Date:** Nov 18, 2026',
    '- **Date:** not a date',
    '- **Date:** 2026-02-30',
    '* **Title**: Override',
    '- **Content:** Some body text that is long enough.',
    '- **Priority:** 9',
    '- **Priority:** one',
    '- **Featured:** yes',
    '- **Tags:** a, B, a,,',
    '- **Channels:** EMAIL , web',
    '- **Scheduled for:** 2026-12-02T10:00:00-05:00',
    '- **Unknown Key:** kept in metadata',
    '<!-- published: false -->',
    '<!-- TYPE : Announcement -->',
    '<!-- channels: x, LinkedIn -->',
    '<!-- nonsense: 1 -->',
    '<!-- unclosed comment',
    '-->',
    '<script>alert(1)</script>',
    '{"items": [',
    '[]',
    '\u0000\uFEFF\r',
    '',
  ),
);

const markdownLike = fc.array(documentLine, { maxLength: 60 }).map((lines) => lines.join('\n'));
const jsonLike = fc
  .array(
    fc.record(
      {
        section: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        content: fc.oneof(fc.string(), fc.array(fc.string())),
        date: fc.oneof(fc.string(), fc.constant('2026-11-20'), fc.integer()),
        tags: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(null)),
        priority: fc.oneof(fc.integer(), fc.string()),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 8 },
  )
  .chain((items) =>
    fc.constantFrom(JSON.stringify(items), JSON.stringify({ title: 'Feed', items })),
  );

const anyDocument = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), markdownLike, jsonLike);

describe('parseDocument properties', () => {
  it('never throws, and always returns a result that satisfies the schema', () => {
    fc.assert(
      fc.property(
        anyDocument,
        fc.option(fc.constantFrom(...strategies), { nil: undefined }),
        (text, strategy) => {
          const result = parseDocument(text, { now, strategy });
          const parsed = parseResultSchema.safeParse(result);
          if (!parsed.success)
            throw new Error(`invalid result for ${JSON.stringify(text)}: ${parsed.error.message}`);
          if (strategy) expect(result.strategy).toBe(strategy);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('is deterministic: the same text always gives the same result', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        expect(parseDocument(text, { now })).toEqual(parseDocument(text, { now }));
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives every item a unique key', () => {
    fc.assert(
      fc.property(markdownLike, (text) => {
        const keys = parseDocument(text, { now }).items.map((item) => item.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 1_000 },
    );
  });
});
