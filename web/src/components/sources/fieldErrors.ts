import { ApiError } from '../../api.ts';

/**
 * The API's validation messages by body field (`body.url` → `url`), capitalized to read on their
 * own under the field ("is required…" follows a field name in the API's `detail`); empty for other
 * failures.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const { field, message } of error.problem.errors ?? []) {
    byField[field.replace(/^body\./, '')] = message.charAt(0).toUpperCase() + message.slice(1);
  }
  return byField;
}
