/**
 * The one application error. Transports map `code` to their own vocabulary (HTTP status,
 * CLI exit code, job retry decision); domain detail travels in `details`, not in new codes.
 */
export type AppErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'gone'
  | 'validation'
  | 'unprocessable'
  | 'rate_limited'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorDetails {
  errors?: FieldError[];
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
