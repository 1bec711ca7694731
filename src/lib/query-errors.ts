import { DrizzleQueryError } from 'drizzle-orm';

/**
 * Drizzle wraps driver errors as "Failed query: <sql> params: <values>". The values may be
 * secrets (hashes, tokens) and the wrapper hides the real cause (ECONNREFUSED, a constraint):
 * these helpers keep the SQL text and the cause, and drop the parameters.
 */
export function describeError(error: unknown): string {
  if (error instanceof DrizzleQueryError && error.cause instanceof Error)
    return error.cause.message || error.cause.name;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** pino `err` serializer: like pino's own, minus query parameters. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: describeNonError(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: describeError(error),
    ...(code !== undefined && { code }),
    ...(error instanceof DrizzleQueryError && { query: error.query }),
    ...(error.cause instanceof Error && {
      cause: { type: error.cause.name, message: error.cause.message },
    }),
    stack: error.stack?.replace(/\nparams: [^\n]*/, ''),
  };
}

/** Some libraries emit plain objects as errors: keep what they say, not `[object Object]`. */
function describeNonError(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(value).slice(0, 1_000);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

// Connection-level failures: the database is down, restarting or unreachable. SQLSTATE class 08
// (connection exception), 57P01–57P03 (shutdown, cannot connect now), and socket errors.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

/** True when `error` says the database could not be reached, rather than that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const inner = error instanceof DrizzleQueryError ? error.cause : error;
  if (!(inner instanceof Error)) return false;
  const code = (inner as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08')))
    return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(inner.message);
}
