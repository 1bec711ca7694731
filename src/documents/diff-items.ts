/** What changed between two versions of a document, by item key. */
export interface ItemDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/**
 * Compares item lists by key; an item whose content hash differs is `changed`. Keys keep the
 * order of the newer document (removed ones: the order of the older).
 */
export function diffItems(
  previous: ReadonlyArray<{ key: string; contentHash: string }>,
  current: ReadonlyArray<{ key: string; contentHash: string }>,
): ItemDiff {
  const before = new Map(previous.map((item) => [item.key, item.contentHash]));
  const diff: ItemDiff = { added: [], changed: [], removed: [], unchanged: [] };
  const seen = new Set<string>();
  for (const item of current) {
    seen.add(item.key);
    const hash = before.get(item.key);
    if (hash === undefined) diff.added.push(item.key);
    else if (hash === item.contentHash) diff.unchanged.push(item.key);
    else diff.changed.push(item.key);
  }
  for (const item of previous) if (!seen.has(item.key)) diff.removed.push(item.key);
  return diff;
}
