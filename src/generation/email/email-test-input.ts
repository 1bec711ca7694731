import { readFileSync } from 'node:fs';
import { parseDocument } from '../../documents/parse-document.ts';
import type { GenerationInput } from '../generation-input.ts';
import { builtInTones } from '../tones/built-in-tones.ts';
import type { Tone } from '../tones/tone.ts';

const fixtures = new URL('../../../test/fixtures/living-docs/', import.meta.url);

/** A built-in tone that must exist; tests use it. */
export function tone(id: string): Tone {
  const found = builtInTones[id];
  if (found === undefined) throw new Error(`No built-in tone ${id}`);
  return found;
}

/** A fixture document as the email formatter receives it (drafts removed, fixed clock). */
export function fixtureInput(
  fixture: string,
  overrides: Partial<GenerationInput> = {},
): GenerationInput {
  const text = readFileSync(new URL(fixture, fixtures), 'utf8');
  const parsed = parseDocument(text, { now: new Date('2026-11-25T00:00:00Z') });
  return {
    items: parsed.items.filter((item) => item.published),
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
    footerSections: ['vision'],
    socialMode: 'lead',
    ...overrides,
  };
}
