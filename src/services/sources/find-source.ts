import { findSourcesByName, getSource } from '../../db/queries/sources.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type SourceView, toSourceView } from './source-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A source by id or by its (case-insensitive) name; a name shared by several is refused. */
export async function findSource(
  ctx: ServiceContext,
  { ref }: { ref: string },
): Promise<SourceView> {
  if (UUID.test(ref)) {
    const row = await getSource(ctx.db, { workspaceId: ctx.workspaceId, id: ref });
    if (!row) throw notFound('Source');
    return toSourceView(row);
  }
  const rows = await findSourcesByName(ctx.db, { workspaceId: ctx.workspaceId, name: ref });
  const [only, ...others] = rows;
  if (!only) throw notFound(`Source named "${ref}"`);
  if (others.length > 0)
    throw new AppError(
      'conflict',
      `${rows.length} sources are named "${ref}"; use an id: ${rows.map((row) => row.id).join(', ')}`,
    );
  return toSourceView(only);
}
