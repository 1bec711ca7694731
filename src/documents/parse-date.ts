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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;

/** The number written by the ASCII digits `text[start..end)`. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * True when the calendar date exists (31 Feb does not). Checked with calendar arithmetic rather
 * than a round trip through `Date`: this runs for every dated item, and the round trip allocated
 * a Date and an ISO string each time. It keeps that round trip's answers, including false for
 * years 0–99 (which Date.UTC reads as 1900–1999).
 */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` when the calendar date exists, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (!isCalendarDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
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
  // A valid `YYYY-MM-DD` is already in the form we return. Most dates are written so: tested and
  // read digit by digit, without the match array and three strings `exec` would make.
  if (ISO_DATE.test(value)) {
    const valid = isCalendarDate(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
    return valid ? value : null;
  }
  const dateTime = ISO_DATE_TIME.exec(value);
  if (dateTime) {
    const [, day = '', time = '', rawOffset] = dateTime;
    if (!isCalendarDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8))))
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
