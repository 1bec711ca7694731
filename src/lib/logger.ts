import { type Logger, pino } from 'pino';
import { serializeError } from './query-errors.ts';

/**
 * JSON logs. Credentials can reach a log line through request headers or an error's context, so
 * every such path is censored here, once, for the whole process.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: {
        // Exact paths only: wildcard paths made redaction ~5% of a request's CPU. Our own log
        // calls never pass secrets; these catch headers and config if they are ever logged whole.
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'config.DATABASE_URL',
          'config.TOOMBOS_SECRET_KEY',
        ],
        censor: '[redacted]',
      },
      serializers: {
        err: serializeError,
        req(request: { method?: string; url?: string; id?: string }) {
          // Query strings may carry one-time tokens; log the path only.
          return { id: request.id, method: request.method, path: request.url?.split('?')[0] };
        },
      },
    },
    // Asynchronous writes: a synchronous write per line was ~10% of a request's CPU. pino flushes
    // the buffer on exit (normal, signal or uncaught exception); only a hard kill can lose the
    // last lines.
    pino.destination({ dest: 1, sync: false }),
  );
}
