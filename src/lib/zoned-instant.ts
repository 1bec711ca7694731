import { DateTime } from 'luxon';

/**
 * Reads a schedule time: an instant with an offset (`2026-03-09T13:00:00Z`, `…-04:00`) is taken
 * as is; a local date-time without one (`2026-03-09T09:00`) is read in `zone` (IANA), with the
 * zone's rules for that very day, so 09:00 New York is 13:00Z in summer and 14:00Z in winter. A
 * local time that does not exist (skipped by a DST change) moves forward by the gap, as clocks do.
 * Returns null for text that is not an ISO 8601 date-time.
 */
export function toInstant(value: string, zone: string): Date | null {
  const hasOffset = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(value.trim()) && value.includes('T');
  const parsed = hasOffset
    ? DateTime.fromISO(value.trim(), { setZone: true })
    : DateTime.fromISO(value.trim(), { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The instant as local time in `zone`, with its offset: how a schedule is shown back. */
export function inZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}
