import { getApiKey, revokeApiKey as updateRevoked } from '../../db/queries/api-keys.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type ApiKeyView, toApiKeyView } from './api-key-view.ts';

/** Idempotent: revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(
  ctx: ServiceContext,
  { id }: { id: string },
): Promise<ApiKeyView> {
  return ctx.db.transaction(async (tx) => {
    const before = await getApiKey(tx, { workspaceId: ctx.workspaceId, id });
    if (!before) throw notFound('API key');
    const row = await updateRevoked(tx, { workspaceId: ctx.workspaceId, id });
    if (!row) throw notFound('API key');
    if (!before.revokedAt) {
      await appendEvent(tx, {
        workspaceId: ctx.workspaceId,
        type: 'api_key.revoked',
        subjectType: 'api_key',
        subjectId: row.id,
        actor: actorLabel(ctx.actor),
        data: { name: row.name },
      });
    }
    return toApiKeyView(row);
  });
}
