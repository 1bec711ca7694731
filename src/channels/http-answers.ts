import { z } from 'zod';
import {
  type JsonResponse,
  parseRetryAfter,
  RequestJsonError,
} from '../lib/outbound/request-json.ts';
import { OutcomeUnknownError, PublishError } from './publish-error.ts';

/** How our HTTP destinations (CRM, Platform) say no: `{error: {code, message, details}}`. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

/** Without a `Retry-After`, a 429 waits this long. */
export const defaultRetryAfterMs = 60_000;

export interface Destination {
  /** As messages name it: `The CRM`, `The Platform`. */
  name: string;
  /** Statuses that mean the credentials no longer work. */
  authStatuses: readonly number[];
}

/**
 * A non-2xx answer as the worker's closed union: auth statuses → `auth_expired`; 429 →
 * `rate_limited` after `Retry-After`; other 4xx but 408 → `rejected` (the same content would be
 * refused again); 408, 5xx and anything unexpected → `transient`. The message quotes the
 * destination.
 */
export function classifyAnswer(
  destination: Destination,
  response: JsonResponse,
  now = new Date(),
): PublishError {
  const { status } = response;
  const vendor = vendorError(response.body);
  const vendorCode = vendor.code ?? `http_${status}`;
  const said = `${destination.name} answered ${status}: ${vendor.message.replace(/\.$/, '')}.`;
  if (destination.authStatuses.includes(status))
    return new PublishError('auth_expired', `${said} Reconnect it with a valid API key.`, {
      vendorCode,
    });
  if (status === 429) {
    const retryAfterMs =
      parseRetryAfter(response.headers['retry-after'], now) ?? defaultRetryAfterMs;
    return new PublishError('rate_limited', said, { vendorCode, retryAfterMs });
  }
  if (status >= 400 && status < 500 && status !== 408)
    return new PublishError('rejected', said, { vendorCode });
  return new PublishError('transient', said, { vendorCode });
}

/**
 * A transport failure. Before connecting nothing was sent, so it is transient; after, a write may
 * have been stored unanswered (OutcomeUnknownError), while a read is simply retried.
 */
export function transportFailure(
  destination: Pick<Destination, 'name'>,
  error: unknown,
  request: 'write' | 'read',
): Error {
  if (!(error instanceof RequestJsonError)) {
    if (request === 'read' && error instanceof Error) return error;
    return new OutcomeUnknownError(`${destination.name} call failed unexpectedly.`, {
      cause: error,
    });
  }
  if (error.phase === 'response' && request === 'write')
    return new OutcomeUnknownError(`${destination.name} did not answer: ${error.message}`, {
      cause: error,
    });
  return new PublishError(
    'transient',
    `${destination.name} could not be reached: ${error.message}`,
    {
      vendorCode: error.code,
      cause: error,
    },
  );
}

function vendorError(body: unknown): { code: string | undefined; message: string } {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    const text = typeof body === 'string' ? body.trim().slice(0, 200) : '';
    return { code: undefined, message: text || 'no error message' };
  }
  const { code, message = '', details = [] } = parsed.data.error;
  // Validation messages often already name each field; add only the details they leave out.
  const extra = details
    .filter((detail) => !message.includes(detail.message))
    .map((detail) => `${detail.field}: ${detail.message}`);
  return { code, message: [message, ...extra].filter(Boolean).join('; ') || 'no error message' };
}
