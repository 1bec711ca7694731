import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode, type FieldError } from '../lib/errors.ts';
import { isDatabaseUnavailable } from '../lib/query-errors.ts';

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const statusByCode: Record<AppErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  payload_too_large: 413,
  precondition_failed: 412,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const titleByCode: Record<AppErrorCode, string> = {
  validation: 'Invalid request',
  unauthorized: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'Gone',
  unprocessable: 'Unprocessable request',
  payload_too_large: 'Request body too large',
  precondition_failed: 'Precondition failed',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal server error',
};

/** Fastify's own client-error codes, each mapped to ours. */
const fastifyCodes: Record<string, AppErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
  // @fastify/multipart (document uploads)
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
};

export function problemFromAppError(error: AppError, status?: number): Problem {
  const { errors, ...rest } = error.details;
  return {
    type: `urn:toombos:problem:${error.code}`,
    title: titleByCode[error.code],
    status: status ?? statusByCode[error.code],
    detail: error.message,
    code: error.code,
    ...(errors && { errors }),
    ...rest,
  };
}

/** Turns anything thrown while handling a request into a problem; unknown errors become 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) return problemFromAppError(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.flatMap((issue) => {
      const path = [where, ...issue.instancePath.split('/').filter(Boolean)];
      // zod reports unknown fields of a strict object as one issue on the object: name each field.
      const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
      if (Array.isArray(unknownKeys) && unknownKeys.length > 0)
        return unknownKeys.map((key) => ({
          field: [...path, String(key)].join('.'),
          message: 'is not a known field',
        }));
      return [{ field: path.join('.'), message: issue.message ?? 'is invalid' }];
    });
    return problemFromAppError(
      new AppError(
        'validation',
        `The request ${where} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
        { errors },
      ),
    );
  }
  const fastifyError = error as Partial<FastifyError>;
  const code = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (code)
    return problemFromAppError(new AppError(code, fastifyError.message ?? titleByCode[code]));
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const problem = problemFromAppError(
      new AppError('validation', fastifyError.message ?? 'Bad request'),
    );
    return { ...problem, status, title: status === 415 ? 'Unsupported media type' : problem.title };
  }
  if (isDatabaseUnavailable(error)) {
    return problemFromAppError(
      new AppError('unavailable', 'The database is not reachable right now; retry shortly.', {
        retryAfterSeconds: 5,
      }),
    );
  }
  return problemFromAppError(
    new AppError(
      'internal',
      'Something went wrong on our side; the request id identifies it in the logs.',
    ),
  );
}
