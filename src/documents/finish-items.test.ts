import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stableJson } from '../lib/stable-json.ts';
import { HASHED, hashedValues } from './finish-items.ts';
import { parseDocument } from './parse-document.ts';

describe('hashedValues', () => {
  it('lists exactly the HASHED fields, in HASHED order', () => {
    const text = readFileSync(
      new URL('../../test/fixtures/living-docs/stillwave-flags.md', import.meta.url),
      'utf8',
    );
    const items = parseDocument(text).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const expected = HASHED.map((key) =>
        key === 'fields' || key === 'metadata' ? stableJson(item[key]) : item[key],
      );
      expect(hashedValues(item)).toEqual(expected);
    }
  });
});
