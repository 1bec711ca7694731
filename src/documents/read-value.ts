/** Comma-separated list, trimmed, empty entries dropped. */
export function readList(value: string): string[] {
  // Cut at each comma with indexOf rather than `split(',')` → map → filter: lists are read for
  // every item, and the split was most of their cost.
  const entries: string[] = [];
  let start = 0;
  while (start <= value.length) {
    const comma = value.indexOf(',', start);
    const end = comma === -1 ? value.length : comma;
    const entry = value.slice(start, end).trim();
    if (entry.length > 0) entries.push(entry);
    start = end + 1;
  }
  return entries;
}

/** Lower-cased list without repeats, first occurrence kept (tags and channels). */
export function readLowerList(value: string): string[] {
  const entries = new Set<string>();
  for (const entry of readList(value)) entries.add(entry.toLowerCase());
  return [...entries];
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
