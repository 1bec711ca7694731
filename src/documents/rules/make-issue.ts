import type { Item, ItemIssue } from '../item.ts';

/** Adds one issue about `item`; each rule file calls this so issues are built the same way. */
export function makeIssue(
  item: Item,
  severity: ItemIssue['severity'],
  code: string,
  field: string,
  message: string,
): ItemIssue {
  return { itemKey: item.key, severity, code, field, message };
}
