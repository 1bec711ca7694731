import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { DOCUMENT_MAX_BYTES } from '../services/sources/source-input.ts';

/** Limits of @fastify/multipart for document uploads: one file, a few short text fields. */
export const multipartLimits = {
  fileSize: DOCUMENT_MAX_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 4 * 1024,
  parts: 11,
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a multipart/form-data upload (a `file` part and text fields) into the same object a JSON
 * body would be — `text` from the file (UTF-8 only), `filename` from its name — so the route's
 * one schema validates both forms. Returns a preValidation hook; JSON requests pass through.
 * `defaults` fill fields an upload form leaves out.
 */
export function multipartToBody(
  defaults: Record<string, string> = {},
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (request.isMultipart()) request.body = { ...defaults, ...(await readParts(request)) };
  };
}

async function readParts(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      body[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file') {
      await part.toBuffer();
      throw new AppError('validation', 'Upload the document in a part named `file`.', {
        errors: [{ field: `body.${part.fieldname}`, message: 'is not a known file field' }],
      });
    }
    const bytes = await part.toBuffer(); // throws FST_REQ_FILE_TOO_LARGE (413) past the cap
    try {
      body.text = utf8.decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new AppError('validation', 'The uploaded file is not UTF-8 text.', {
        errors: [{ field: 'body.file', message: 'is not valid UTF-8 text' }],
      });
    }
    if (part.filename) body.filename = part.filename.slice(0, 255);
  }
  return body;
}
