import type { Item } from '../../documents/item.ts';
import type { GenerationInput } from '../generation-input.ts';
import { testInput } from '../test-input.ts';

export { fixtureItem, fixtureItems, tone } from '../test-input.ts';

/** Generation input for social tests: Stillwave's brand with two hashtags, per-item posts. */
export function socialInput(
  items: Item[],
  overrides: Partial<GenerationInput> = {},
): GenerationInput {
  const base = testInput(items, { socialMode: 'per_item' });
  return {
    ...base,
    brand: { ...base.brand, logoUrl: null, hashtags: ['Stillwave', 'breathing tips'] },
    ...overrides,
  };
}
