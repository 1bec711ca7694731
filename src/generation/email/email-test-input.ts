import type { GenerationInput } from '../generation-input.ts';
import { fixtureItems, testInput } from '../test-input.ts';

export { tone } from '../test-input.ts';

/** A fixture document as the email formatter receives it, with `vision` as the footer section. */
export function fixtureInput(
  fixture: string,
  overrides: Partial<GenerationInput> = {},
): GenerationInput {
  return testInput(fixtureItems(fixture), { footerSections: ['vision'], ...overrides });
}
