import type { ParseWarning } from './item.ts';

/**
 * Where one item's value warnings go, with the title and line each one names. A plain object
 * passed down, not a `warn` closure made per item: under tsx every named closure also gets a
 * `__name` property defined on it at creation, which cost more than the closure itself.
 */
export interface ItemWarnings {
  list: ParseWarning[];
  title: string;
  line: number;
}

export function warnAbout(to: ItemWarnings, code: string, message: string): void {
  to.list.push({ code, message: `${to.title}: ${message}`, line: to.line });
}
