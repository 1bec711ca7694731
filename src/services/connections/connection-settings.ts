import type { z } from 'zod';
import type { ChannelAdapter } from '../../channels/define-channel.ts';
import { adapterFor, isProviderId } from '../../channels/registry.ts';
import { encryptSecret } from '../../lib/crypto.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';

/** What the connection services need beyond a service context: the key secrets are sealed with. */
export interface ConnectionSecrets {
  secretKey: Buffer;
}

/** The adapter behind a stored connection; a provider since removed from the registry is a 422. */
export function adapterOfConnection(provider: string): ChannelAdapter {
  if (!isProviderId(provider))
    throw new AppError('unprocessable', `The provider ${provider} no longer exists.`);
  return adapterFor(provider);
}

/**
 * Parses `value` with one of an adapter's schemas, each problem named as its body field
 * (`body.config.baseUrl`). Zod's messages name what was expected, never the value given, so a
 * secret cannot travel back in an error.
 */
export function parseSettings(
  schema: z.ZodType,
  value: unknown,
  part: 'config' | 'credentials',
): { data: unknown; errors: FieldError[] } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, errors: [] };
  const errors = parsed.error.issues.flatMap((issue) => {
    const path = ['body', part, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: [...path, key].join('.'),
        message: 'is not a known field',
      }));
    return [{ field: path.join('.'), message: issue.message }];
  });
  return { data: undefined, errors };
}

export function assertNoFieldErrors(errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  throw new AppError(
    'validation',
    `The connection is invalid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`,
    { errors: [...errors] },
  );
}

/** `encryptSecret` of the credentials' JSON; null when there are none (the sandbox's `{}`). */
export function sealCredentials(credentials: unknown, { secretKey }: ConnectionSecrets) {
  return isEmptyObject(credentials) ? null : encryptSecret(JSON.stringify(credentials), secretKey);
}

export function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
