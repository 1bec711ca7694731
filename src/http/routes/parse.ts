import { z } from 'zod';
import { parseResultSchema, strategies } from '../../documents/item.ts';
import { parseDocument } from '../../documents/parse-document.ts';
import type { App } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';

// A living document may be larger than ordinary API bodies; URL sources cap fetches at 5 MB too.
const PARSE_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

const parseBody = z.strictObject({
  /** The document: Markdown, structured JSON (as text) or freeform notes. */
  text: z.string().max(5 * 1024 * 1024),
  /** Force a strategy instead of detecting it. */
  strategy: z.enum(strategies).optional(),
});

export function parseRoutes(app: App): void {
  app.post('/v1/parse', {
    config: { access: 'read' },
    bodyLimit: PARSE_BODY_LIMIT_BYTES,
    schema: {
      tags: ['documents'],
      summary: 'Parse a living document (stateless): items, warnings and the strategy used',
      description: 'Never fails on content: problems in the document come back as `warnings`.',
      body: parseBody,
      response: { 200: parseResultSchema, ...problemResponses },
    },
    handler: async (request) =>
      parseDocument(request.body.text, { strategy: request.body.strategy }),
  });
}
