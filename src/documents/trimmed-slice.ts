import { isSpace } from './is-space.ts';

/**
 * `text.slice(start, end).trim()` as one new string: the spaces are skipped before cutting, where
 * slicing then trimming made two strings for every entry or value with a space beside it.
 */
export function trimmedSlice(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from += 1;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to -= 1;
  return text.slice(from, to);
}
