import { AppError } from '../lib/errors.ts';
import type { App } from './fastify-types.ts';

/**
 * Fastify's own JSON parser decodes leniently: invalid UTF-8 became U+FFFD and was stored. JSON
 * must be UTF-8 (RFC 8259 §8.1), so such a body is a 400; parsing stays Fastify's (it guards
 * against `__proto__` / `constructor` poisoning).
 */
export function registerStrictJsonParser(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : utf8.decode(body);
    } catch {
      done(
        new AppError('validation', 'The request body is not valid UTF-8.', {
          errors: [{ field: 'body', message: 'is not valid UTF-8' }],
        }),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
}
