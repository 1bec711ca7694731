import { insertConnectionUnlessTaken } from '../../db/queries/connections.ts';
import { appendEvent } from '../../events/append-event.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { CreateConnectionInput } from './connection-input.ts';
import {
  adapterOfConnection,
  assertNoFieldErrors,
  type ConnectionSecrets,
  parseSettings,
  sealCredentials,
} from './connection-settings.ts';
import { type ConnectionView, toConnectionView } from './connection-view.ts';

/**
 * Adds a destination for one channel. The provider's adapter decides which channels it publishes
 * and checks config and credentials; the credentials are stored sealed and never shown again.
 * A channel has at most one sandbox connection (409 for a second).
 */
export async function createConnection(
  ctx: ServiceContext,
  input: CreateConnectionInput,
  secrets: ConnectionSecrets,
): Promise<ConnectionView> {
  const adapter = adapterOfConnection(input.provider);
  const channelErrors: FieldError[] = adapter.channels.includes(input.channel)
    ? []
    : [
        {
          field: 'body.channel',
          message: `${input.provider} connections publish ${adapter.channels.join(', ')} only`,
        },
      ];
  const config = parseSettings(adapter.configSchema, input.config ?? {}, 'config');
  const credentials = parseSettings(
    adapter.credentialsSchema,
    input.credentials ?? {},
    'credentials',
  );
  assertNoFieldErrors([...channelErrors, ...config.errors, ...credentials.errors]);
  return ctx.db.transaction(async (tx) => {
    const row = await insertConnectionUnlessTaken(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      provider: input.provider,
      channel: input.channel,
      // Stored as given: the adapter fills its defaults each time it parses the config for a call.
      config: input.config ?? {},
      credentials: sealCredentials(credentials.data, secrets),
      rateLimit: input.rateLimit?.max ?? null,
      ratePerSeconds: input.rateLimit?.perSeconds ?? null,
    });
    if (!row)
      throw new AppError(
        'conflict',
        `This workspace already has a sandbox connection for ${input.channel}; rename or reuse it.`,
        { errors: [{ field: 'body.channel', message: 'already has a sandbox connection' }] },
      );
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'connection.created',
      subjectType: 'connection',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      data: { name: row.name, provider: row.provider, channel: row.channel },
    });
    return toConnectionView(row);
  });
}
