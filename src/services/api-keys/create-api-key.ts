import { insertApiKey } from '../../db/queries/api-keys.ts';
import type { Scope } from '../../db/schema.ts';
import { appendEvent } from '../../events/append-event.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { type ApiKeyView, toApiKeyView } from './api-key-view.ts';
import { generateApiKey } from './generate-api-key.ts';

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
  rateLimitPerMinute?: number | undefined;
}

/** The secret is returned here once and never again: only its hash is stored. */
export async function createApiKey(
  ctx: ServiceContext,
  input: CreateApiKeyInput,
): Promise<ApiKeyView & { key: string }> {
  const { key, prefix, keyHash } = generateApiKey();
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      prefix,
      keyHash,
      scopes: [...new Set(input.scopes)],
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'api_key.created',
      subjectType: 'api_key',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { name: row.name, scopes: row.scopes },
    });
    return { ...toApiKeyView(row), key };
  });
}
