/**
 * How a destination refused a publication: a closed union, so the worker decides from `kind` alone
 * (ARCHITECTURE.md principle 4). Each adapter maps its vendor's answers onto it:
 * - `rate_limited`: try again after `retryAfterMs` (from `Retry-After`);
 * - `transient`: the destination failed (5xx, refused connection); retry with backoff;
 * - `auth_expired`: the credentials no longer work; the connection needs reconnecting, no retry;
 * - `rejected`: the destination will never accept this content; failed, with its message.
 */
export type PublishErrorKind = 'rate_limited' | 'transient' | 'auth_expired' | 'rejected';

export interface PublishErrorOptions {
  retryAfterMs?: number | undefined;
  /** The destination's own error code (`invalid_request`, an HTTP status…), for the record. */
  vendorCode?: string | undefined;
  cause?: unknown;
}

export class PublishError extends Error {
  readonly kind: PublishErrorKind;
  readonly retryAfterMs: number | undefined;
  readonly vendorCode: string | undefined;

  constructor(kind: PublishErrorKind, message: string, options: PublishErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PublishError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
    this.vendorCode = options.vendorCode;
  }
}

/**
 * The request may have reached the destination, but no answer came back (a timeout or a connection
 * cut after the body was sent). Never retried blindly: the worker marks the delivery `unknown` and
 * asks the destination through the adapter's `status` lookup first.
 */
export class OutcomeUnknownError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OutcomeUnknownError';
  }
}
