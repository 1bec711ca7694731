import { AppError } from '../lib/errors.ts';
import type { App } from './fastify-types.ts';
import { toProblem } from './problem.ts';

/** Every error and unknown route leaves as application/problem+json; only 5xx are logged as errors. */
export function registerErrorHandlers(app: App): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
    if (typeof problem.retryAfterSeconds === 'number')
      reply.header('Retry-After', String(problem.retryAfterSeconds));
    return reply
      .code(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...problem, instance: request.url.split('?')[0] }));
  });
  // An unknown route is answered exactly like a thrown not_found (the error handler above), so
  // the problem shape has one source.
  app.setNotFoundHandler((request) => {
    throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
}
