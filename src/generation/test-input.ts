import { readFileSync } from 'node:fs';
import type { Item } from '../documents/item.ts';
import { parseDocument } from '../documents/parse-document.ts';
import type { GenerationInput } from './generation-input.ts';
import { builtInTones } from './tones/built-in-tones.ts';
import type { Tone } from './tones/tone.ts';

// Test support for the formatters' unit tests (not used by the application).
const fixtures = new URL('../../test/fixtures/living-docs/', import.meta.url);

/** A built-in tone that must exist; tests use it. */
export function tone(id: string): Tone {
  const found = builtInTones[id];
  if (found === undefined) throw new Error(`No built-in tone ${id}`);
  return found;
}

/** The published items of a fixture document, parsed with a fixed clock. */
export function fixtureItems(fixture: string): Item[] {
  const text = readFileSync(new URL(fixture, fixtures), 'utf8');
  return parseDocument(text, { now: new Date('2026-11-25T00:00:00Z') }).items.filter(
    (item) => item.published,
  );
}

/** The fixture item with this title; tests fail loudly when it is missing. */
export function fixtureItem(fixture: string, title: string): Item {
  const item = fixtureItems(fixture).find((candidate) => candidate.title === title);
  if (item === undefined) throw new Error(`No item "${title}" in ${fixture}`);
  return item;
}

/** Generation input with Stillwave's brand and the professional tone, for any items. */
export function testInput(
  items: Item[],
  overrides: Partial<GenerationInput> = {},
): GenerationInput {
  return {
    items,
    tone: tone('professional'),
    brand: {
      name: 'Stillwave',
      siteUrl: 'https://stillwave.example',
      senderName: 'Stillwave',
      primaryColor: '#0f766e',
      accentColor: '#f59e0b',
      logoUrl: 'https://stillwave.example/logo.png',
      hashtags: [],
      prohibitedPhrases: [],
    },
    template: 'modern',
    campaignSlug: 'weekly-2026-11-25',
    itemsPerSection: 3,
    footerSections: [],
    socialMode: 'lead',
    ...overrides,
  };
}
