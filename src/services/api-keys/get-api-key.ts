import { getApiKey as selectApiKey } from '../../db/queries/api-keys.ts';
import { notFound } from '../../lib/errors.ts';
import type { ServiceContext } from '../context.ts';
import { type ApiKeyView, toApiKeyView } from './api-key-view.ts';

export async function getApiKey(ctx: ServiceContext, { id }: { id: string }): Promise<ApiKeyView> {
  const row = await selectApiKey(ctx.db, { workspaceId: ctx.workspaceId, id });
  if (!row) throw notFound('API key');
  return toApiKeyView(row);
}
