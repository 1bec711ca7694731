import { z } from 'zod';
import { defineSourceKind } from '../source-kind.ts';
import { fetchDocument } from './fetch-document.ts';

/**
 * A document served over HTTP(S): a raw Markdown file, a JSON feed, a published web page (turned
 * into Markdown). Every sync fetches it again, behind the outbound address guard.
 */
export const urlSource = defineSourceKind({
  kind: 'url',
  settingsSchema: z.strictObject({
    url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2048),
  }),
  holdsContent: false,
  async read(source, context) {
    const fetched = await fetchDocument(source.settings.url, context.outbound);
    // HTML arrives converted to Markdown; a JSON body is the structured format.
    const strategyHint =
      fetched.format === 'json' ? 'json' : fetched.format === 'text' ? null : 'markdown';
    return { text: fetched.text, strategyHint };
  },
});
