import { z } from 'zod';
import type { PageAfter } from '../db/queries/page.ts';
import { AppError } from '../lib/errors.ts';

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}

const cursorSchema = z.object({ c: z.iso.datetime(), i: z.string().min(1) });

export function decodeCursor(cursor: string | undefined): PageAfter | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = cursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return { createdAt: new Date(parsed.c), id: parsed.i };
  } catch {
    throw new AppError('validation', 'The cursor is not one this API issued.', {
      errors: [{ field: 'querystring.cursor', message: 'is not a valid cursor' }],
    });
  }
}

/**
 * Services are asked for `limit + 1` rows; the extra row only tells whether a next page exists.
 * Items must expose `createdAt` (ISO) and `id`, the keyset the queries order by.
 */
export async function paginate<T extends { createdAt: string; id: string }>(
  query: { limit: number; cursor?: string | undefined },
  load: (page: { limit: number; after?: PageAfter | undefined }) => Promise<T[]>,
): Promise<{ data: T[]; next_cursor: string | null }> {
  const rows = await load({ limit: query.limit + 1, after: decodeCursor(query.cursor) });
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  const next =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ c: last.createdAt, i: last.id })).toString('base64url')
      : null;
  return { data, next_cursor: next };
}
