import { listApiKeys as selectApiKeys } from '../../db/queries/api-keys.ts';
import type { PageAfter } from '../../db/queries/page.ts';
import type { ServiceContext } from '../context.ts';
import { type ApiKeyView, toApiKeyView } from './api-key-view.ts';

export async function listApiKeys(
  ctx: ServiceContext,
  page: { limit: number; after?: PageAfter | undefined },
): Promise<ApiKeyView[]> {
  const rows = await selectApiKeys(ctx.db, { workspaceId: ctx.workspaceId, ...page });
  return rows.map(toApiKeyView);
}
