import { describe, expect, it } from 'vitest';
import { inZone, toInstant } from './zoned-instant.ts';

describe('toInstant', () => {
  it('reads a local time in the zone with that day’s offset, across DST changes', () => {
    // US DST ended on 2026-11-01 and starts on 2026-03-08.
    expect(toInstant('2026-10-31T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-10-31T13:00:00.000Z',
    );
    expect(toInstant('2026-11-02T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
    expect(toInstant('2026-03-09T09:00:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('keeps an explicit offset whatever the zone', () => {
    expect(toInstant('2026-03-09T09:00:00+01:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T08:00:00.000Z',
    );
    expect(toInstant('2026-03-09T09:00:00Z', 'Asia/Tokyo')?.toISOString()).toBe(
      '2026-03-09T09:00:00.000Z',
    );
  });

  it('moves a time skipped by DST forward and refuses what is not a date-time', () => {
    expect(toInstant('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(toInstant('next tuesday', 'UTC')).toBeNull();
    expect(toInstant('2026-13-01T09:00', 'UTC')).toBeNull();
  });

  it('shows an instant back in its zone', () => {
    expect(inZone(new Date('2026-11-02T14:00:00Z'), 'America/New_York')).toBe(
      '2026-11-02T09:00:00-05:00',
    );
  });
});
