import type { Item } from '../../documents/item.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Publishable items (`published: false` never produces a draft), optionally only the chosen keys.
 * An unknown key, or nothing left to draft, is the caller's mistake (422).
 */
export function selectItems(items: Item[], keys: readonly string[] | undefined): Item[] {
  const known = new Set(items.map((item) => item.key));
  const unknown = keys?.filter((key) => !known.has(key)) ?? [];
  if (unknown.length > 0)
    throw new AppError(
      'unprocessable',
      `No item with key ${unknown.map((key) => `"${key}"`).join(', ')}.`,
      { errors: [{ field: 'body.itemKeys', message: `unknown keys: ${unknown.join(', ')}` }] },
    );
  const wanted = keys === undefined ? null : new Set(keys);
  const selected = items.filter(
    (item) => item.published && (wanted === null || wanted.has(item.key)),
  );
  if (selected.length === 0)
    throw new AppError('unprocessable', 'There is no publishable item to draft.', {
      errors: [{ field: 'body', message: 'no item with published: true was found' }],
    });
  return selected;
}
