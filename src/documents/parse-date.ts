const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;

/** `YYYY-MM-DD` when the calendar date exists (Date.UTC would silently roll 31 Feb into March). */
function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
  return index === -1 ? null : index + 1;
}

/**
 * `YYYY-MM-DD` for a date, a UTC ISO instant for a date-time (a missing offset means UTC, so the
 * result does not depend on the server's zone), null when the text is not a date we understand.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO_DATE.exec(value);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dateTime = ISO_DATE_TIME.exec(value);
  if (dateTime) {
    const [, day = '', time = '', rawOffset] = dateTime;
    if (
      calendarDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8))) === null
    )
      return null;
    const offset = rawOffset ? rawOffset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z';
    const ms = Date.parse(`${day}T${time}${offset.toUpperCase()}`);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const monthFirst = MONTH_DAY_YEAR.exec(value);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    return month === null
      ? null
      : calendarDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = DAY_MONTH_YEAR.exec(value);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    return month === null ? null : calendarDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  return null;
}
