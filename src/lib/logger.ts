import { type Logger, pino } from 'pino';

/**
 * JSON logs. Credentials can reach a log line through request headers or an error's context, so
 * every such path is censored here, once, for the whole process.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers["x-api-key"]',
        'headers.cookie',
        '*.password',
        '*.token',
        '*.key',
        '*.secret',
        '*.connectionString',
        'config.DATABASE_URL',
        'config.TOOMBOS_SECRET_KEY',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method?: string; url?: string; id?: string }) {
        // Query strings may carry one-time tokens; log the path only.
        return { id: request.id, method: request.method, path: request.url?.split('?')[0] };
      },
    },
  });
}
