import { trimmedSlice } from './trimmed-slice.ts';

/** Comma-separated list, trimmed, empty entries dropped. */
export function readList(value: string): string[] {
  // Cut at each comma with indexOf rather than `split(',')` → map → filter: lists are read for
  // every item, and the split was most of their cost. The array is sized to the comma count:
  // `[]` grows to 17 slots on its first push, half the garbage of a three-tag list.
  // Presized only when short: a huge preallocated array (a hostile list of 100k commas) would
  // fall back to slow dictionary mode, so long lists grow as usual.
  const size = countCommas(value) + 1;
  const entries: string[] = size <= 64 ? new Array<string>(size) : [];
  let kept = 0;
  let start = 0;
  while (start <= value.length) {
    const comma = value.indexOf(',', start);
    const end = comma === -1 ? value.length : comma;
    const entry = trimmedSlice(value, start, end);
    if (entry.length > 0) entries[kept++] = entry;
    start = end + 1;
  }
  entries.length = kept;
  return entries;
}

function countCommas(value: string): number {
  let count = 0;
  for (let comma = value.indexOf(','); comma !== -1; comma = value.indexOf(',', comma + 1)) {
    count += 1;
  }
  return count;
}

// Above this many entries repeats are found with a Set, so a pasted tag cloud is not quadratic.
const SCAN_LIMIT = 16;

/** Lower-cased list without repeats, first occurrence kept (tags and channels). */
export function readLowerList(value: string): string[] {
  const entries = readList(value);
  if (entries.length > SCAN_LIMIT) return [...new Set(entries.map((entry) => entry.toLowerCase()))];
  // Lists are a few entries long: compacting in place, checking each entry against those kept,
  // makes no Set and no copy of it (together more garbage than the list itself).
  let kept = 0;
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    if (!isAmong(entries, kept, lower)) entries[kept++] = lower;
  }
  entries.length = kept;
  return entries;
}

/** Whether `value` is one of the first `count` entries. */
function isAmong(entries: string[], count: number, value: string): boolean {
  for (let index = 0; index < count; index += 1) if (entries[index] === value) return true;
  return false;
}

/** yes/no/true/false in any case; null when it is neither. */
export function readBoolean(value: string): boolean | null {
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === 'yes') return true;
  if (lower === 'false' || lower === 'no') return false;
  return null;
}

/** A finite number, tolerating a trailing unit such as `%` or `s`; null otherwise. */
export function readNumber(value: string): number | null {
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*(?:%|s|sec|seconds)?\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}

/** Case-insensitive member of a fixed set, returned in its canonical spelling. */
export function readEnum<T extends string>(value: string, allowed: readonly T[]): T | null {
  const lower = value.trim().toLowerCase();
  return allowed.find((entry) => entry === lower) ?? null;
}
