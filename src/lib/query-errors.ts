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
  if (!(error instanceof Error)) return { message: String(error) };
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
