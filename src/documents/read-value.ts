/** Comma-separated list, trimmed, empty entries dropped. */
export function readList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Lower-cased list without repeats, first occurrence kept (tags and channels). */
export function readLowerList(value: string): string[] {
  return [...new Set(readList(value).map((entry) => entry.toLowerCase()))];
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
