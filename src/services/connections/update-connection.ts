import {
  lockConnection,
  type NewConnection,
  updateConnection as writeConnection,
} from '../../db/queries/connections.ts';
import { appendEvent } from '../../events/append-event.ts';
import { notFound } from '../../lib/errors.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import type { UpdateConnectionInput } from './connection-input.ts';
import {
  adapterOfConnection,
  assertNoFieldErrors,
  type ConnectionSecrets,
  isEmptyObject,
  parseSettings,
  sealCredentials,
} from './connection-settings.ts';
import { type ConnectionView, toConnectionView } from './connection-view.ts';

type Changes = Partial<
  Pick<NewConnection, 'name' | 'config' | 'credentials' | 'rateLimit' | 'ratePerSeconds' | 'status'>
>;

/**
 * Changes a connection. A new config replaces the old one whole and is checked again; new
 * credentials replace the stored ones and make a `needs_reconnect` connection active again, while
 * none (or `{}`) keeps them: stored credentials are never overwritten with nothing.
 */
export async function updateConnection(
  ctx: ServiceContext,
  { id, ...input }: UpdateConnectionInput & { id: string },
  secrets: ConnectionSecrets,
): Promise<ConnectionView> {
  return ctx.db.transaction(async (tx) => {
    const current = await lockConnection(tx, { workspaceId: ctx.workspaceId, id });
    if (!current) throw notFound('Connection');
    const adapter = adapterOfConnection(current.provider);
    const newCredentials = input.credentials !== undefined && !isEmptyObject(input.credentials);
    const config =
      input.config === undefined
        ? undefined
        : parseSettings(adapter.configSchema, input.config, 'config');
    const credentials = newCredentials
      ? parseSettings(adapter.credentialsSchema, input.credentials, 'credentials')
      : undefined;
    assertNoFieldErrors([...(config?.errors ?? []), ...(credentials?.errors ?? [])]);

    const changes: Changes = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.config !== undefined) changes.config = input.config;
    if (credentials) changes.credentials = sealCredentials(credentials.data, secrets);
    if (input.rateLimit !== undefined) {
      changes.rateLimit = input.rateLimit?.max ?? null;
      changes.ratePerSeconds = input.rateLimit?.perSeconds ?? null;
    }
    if ((input.status !== undefined || credentials) && current.status !== 'active')
      changes.status = 'active';
    const fields = Object.keys(changes).filter((field) => field !== 'ratePerSeconds');
    if (fields.length === 0) return toConnectionView(current);

    const row = await writeConnection(tx, { workspaceId: ctx.workspaceId, id }, changes);
    if (!row) throw notFound('Connection');
    await appendEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: 'connection.updated',
      subjectType: 'connection',
      subjectId: row.id,
      actor: actorLabel(ctx.actor),
      // Names of what changed only: never a credential, nor the config's values.
      data: {
        fields,
        ...(row.status !== current.status && { fromStatus: current.status, toStatus: row.status }),
      },
    });
    return toConnectionView(row);
  });
}
