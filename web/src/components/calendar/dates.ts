/**
 * Calendar days as `YYYY-MM-DD` keys. Instants are placed on the day they fall on in the
 * workspace's zone (Intl with `timeZone`); arithmetic on keys is plain calendar arithmetic (UTC
 * midnights), so no zone or daylight-saving change shifts a day.
 */
export type DayKey = string;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day an instant falls on in `zone`. */
export function dayInZone(instant: string | Date, zone: string): DayKey {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The wall-clock time of an instant in `zone`, in the reader's locale ("9:00 AM", "09:00"). */
export function timeInZone(instant: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}

function midnight(day: DayKey): Date {
  return new Date(`${day}T00:00:00Z`);
}

function keyOf(date: Date): DayKey {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = midnight(day);
  date.setUTCDate(date.getUTCDate() + days);
  return keyOf(date);
}

export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((midnight(to).getTime() - midnight(from).getTime()) / 86_400_000);
}

/** Weeks start on Monday (ISO 8601). */
export function startOfWeek(day: DayKey): DayKey {
  return addDays(day, -((midnight(day).getUTCDay() + 6) % 7));
}

export function startOfMonth(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` away from the month of `day`. */
export function addMonths(day: DayKey, months: number): DayKey {
  const date = midnight(startOfMonth(day));
  date.setUTCMonth(date.getUTCMonth() + months);
  return keyOf(date);
}

export function weekOf(day: DayKey): DayKey[] {
  const start = startOfWeek(day);
  return Array.from({ length: 7 }, (_, index) => addDays(start, index));
}

/** The month of `day` as whole weeks, Monday to Sunday (with days of the months around it). */
export function monthWeeks(day: DayKey): DayKey[][] {
  const first = startOfMonth(day);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: DayKey[][] = [];
  for (let start = startOfWeek(first); start <= last; start = addDays(start, 7)) {
    weeks.push(weekOf(start));
  }
  return weeks;
}

/** A calendar day in the reader's locale. */
export function formatDay(day: DayKey, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(midnight(day));
}

export function formatDayRange(from: DayKey, to: DayKey): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(midnight(from), midnight(to));
}
