import { z } from 'zod';
import type { PageAfter, PageOrder } from '../db/queries/page.ts';
import { AppError } from '../lib/errors.ts';

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** `order=asc|desc`: oldest first (the default) or newest first. */
export const orderSchema = z
  .enum(['asc', 'desc'])
  .default('asc')
  .describe('`asc`: oldest first (the default); `desc`: newest first.');

/** A page query of a list that can also be read newest first. */
export const orderedPageQuerySchema = pageQuerySchema.extend({ order: orderSchema });

export function pageResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() });
}

// `o` is only written for `desc`: cursors issued before lists had an order stay valid.
const cursorSchema = z.object({
  c: z.iso.datetime(),
  i: z.string().min(1),
  o: z.literal('desc').optional(),
});

function invalidCursor(message: string): AppError {
  return new AppError('validation', 'The cursor is not one this API issued.', {
    errors: [{ field: 'querystring.cursor', message }],
  });
}

export function decodeCursor(
  cursor: string | undefined,
  order: PageOrder = 'asc',
): PageAfter | undefined {
  if (cursor === undefined) return undefined;
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor('is not a valid cursor');
  }
  // A cursor continues the list it came from: read the other way, it would skip or repeat rows.
  if ((parsed.o ?? 'asc') !== order)
    throw invalidCursor(`was issued for order=${parsed.o ?? 'asc'}; pass the same order`);
  return { createdAt: new Date(parsed.c), id: parsed.i };
}

/**
 * Services are asked for `limit + 1` rows; the extra row only tells whether a next page exists.
 * Items must expose `createdAt` (ISO) and `id`, the keyset the queries order by (in `order`).
 */
export async function paginate<T extends { createdAt: string; id: string }>(
  query: { limit: number; cursor?: string | undefined; order?: PageOrder | undefined },
  load: (page: { limit: number; after?: PageAfter | undefined; order: PageOrder }) => Promise<T[]>,
): Promise<{ data: T[]; next_cursor: string | null }> {
  const order = query.order ?? 'asc';
  const rows = await load({
    limit: query.limit + 1,
    after: decodeCursor(query.cursor, order),
    order,
  });
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  const next =
    rows.length > query.limit && last
      ? Buffer.from(
          JSON.stringify({ c: last.createdAt, i: last.id, ...(order === 'desc' && { o: order }) }),
        ).toString('base64url')
      : null;
  return { data, next_cursor: next };
}
