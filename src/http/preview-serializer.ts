import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import type { z } from 'zod';
import type { Draft } from '../generation/draft.ts';
import type { PreviewResult } from '../services/generation/preview-drafts.ts';
import { compileSerializer, responseSerializerCompiler } from './response-serializer.ts';
import { draftSchema, previewResultSchema } from './routes/generation-schemas.ts';

const OPEN = Buffer.from('{"drafts":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('],');

/**
 * The 200 answer of `POST /v1/preview`, written by the same schema-compiled serializers as every
 * other route (only declared fields), but each draft's JSON is kept beside the draft: drafts are
 * shared, immutable objects from the draft cache (generate-drafts.ts), so a re-preview of an
 * unchanged document writes ~40 KB of cached bytes instead of escaping it again. Keyed weakly by
 * the draft object, the bytes live exactly as long as the cached draft. Other statuses: as usual.
 */
export function previewSerializerCompiler<Schema>(
  route: FastifyRouteSchemaDef<Schema>,
): (data: unknown) => string {
  if (String(route.httpStatus) !== '200')
    return responseSerializerCompiler(route as FastifyRouteSchemaDef<z.ZodType>);
  const writeDraft = compileSerializer(draftSchema);
  const writeRest = compileSerializer(previewResultSchema.omit({ drafts: true }));
  const written = new WeakMap<Draft, Buffer>();
  const write = (result: PreviewResult): Buffer => {
    const parts: Buffer[] = [OPEN];
    result.drafts.forEach((draft, index) => {
      let bytes = written.get(draft);
      if (bytes === undefined) {
        bytes = Buffer.from(writeDraft(draft));
        written.set(draft, bytes);
      }
      if (index > 0) parts.push(COMMA);
      parts.push(bytes);
    });
    // `{"skipped":…}` without its opening brace continues the object opened above.
    parts.push(CLOSE, Buffer.from(writeRest(result).slice(1)));
    return Buffer.concat(parts);
  };
  // Fastify sends a Buffer from a serializer as it is (reply.js onSendEnd); its type says string.
  return write as unknown as (data: unknown) => string;
}
