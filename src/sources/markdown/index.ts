import { z } from 'zod';
import { defineSourceKind } from '../source-kind.ts';
import { SourceReadError } from '../source-read-error.ts';

/**
 * A document kept in Toombos: pasted text or an uploaded file. A sync with new text replaces it;
 * a sync without re-reads what is stored.
 */
export const markdownSource = defineSourceKind({
  kind: 'markdown',
  settingsSchema: z.strictObject({
    /** The uploaded file's name, shown to people; no meaning to the parser. */
    filename: z.string().trim().min(1).max(255).optional(),
  }),
  holdsContent: true,
  async read(source) {
    if (source.content === null)
      throw new SourceReadError('empty', 'This source has no document text yet.');
    return { text: source.content, strategyHint: null };
  },
});
