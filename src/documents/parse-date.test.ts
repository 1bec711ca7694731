import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.ts';

describe('parseDate', () => {
  it.each([
    ['2026-11-18', '2026-11-18'],
    ['2026-12-02T10:00:00-05:00', '2026-12-02T15:00:00.000Z'],
    ['2026-12-02T10:00:00+0100', '2026-12-02T09:00:00.000Z'],
    ['2026-12-02T10:00', '2026-12-02T10:00:00.000Z'],
    ['Nov 18, 2026', '2026-11-18'],
    ['November 18, 2026', '2026-11-18'],
    ['18 November 2026', '2026-11-18'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each(['2026-02-31', 'the second Tuesday of never', 'Smarch 3, 2026', ''])(
    '%s → null',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});
