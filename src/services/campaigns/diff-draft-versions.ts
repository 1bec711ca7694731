import { AppError } from '../../lib/errors.ts';
import { stableJson } from '../../lib/stable-json.ts';
import type { ServiceContext } from '../context.ts';
import { listDraftVersions } from './list-draft-versions.ts';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What changed between two versions of a draft, field by field of its content. */
export async function diffDraftVersions(
  ctx: ServiceContext,
  { id, from, to }: { id: string; from: number; to: number },
): Promise<{ from: number; to: number; changes: FieldChange[] }> {
  const versions = await listDraftVersions(ctx, { id });
  const older = versions.find((version) => version.version === from);
  const newer = versions.find((version) => version.version === to);
  const missing = [older ? null : 'from', newer ? null : 'to'].filter((name) => name !== null);
  if (!older || !newer)
    throw new AppError('unprocessable', `No such version: ${missing.join(', ')}.`, {
      errors: missing.map((name) => ({
        field: `querystring.${name}`,
        message: 'is not a version of this draft',
      })),
    });
  const before = older.content as unknown as Record<string, unknown>;
  const after = newer.content as unknown as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes = fields
    .filter((field) => stableJson(before[field]) !== stableJson(after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
  return { from, to, changes };
}
