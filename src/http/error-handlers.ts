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
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'urn:toombos:problem:not_found',
          title: 'Not found',
          status: 404,
          detail: `No route ${request.method} ${request.url.split('?')[0]}`,
          code: 'not_found',
        }),
      ),
  );
}
