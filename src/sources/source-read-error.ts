/**
 * Why a source could not be read. A failed sync stores `code` and `message` on the source and keeps
 * the previous snapshot; the message is written for the person who owns the document.
 */
export const sourceReadErrorCodes = [
  'invalid_settings',
  'invalid_url',
  'blocked_address',
  'http_status',
  'timeout',
  'too_large',
  'binary',
  'unsupported_content',
  'too_many_redirects',
  'network',
  'empty',
] as const;
export type SourceReadErrorCode = (typeof sourceReadErrorCodes)[number];

export class SourceReadError extends Error {
  constructor(
    readonly code: SourceReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SourceReadError';
  }
}
