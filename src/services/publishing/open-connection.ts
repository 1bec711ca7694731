import type { ChannelAdapter, ChannelCall } from '../../channels/define-channel.ts';
import { adapterFor, isProviderId } from '../../channels/registry.ts';
import type { Db } from '../../db/client.ts';
import type { Connection } from '../../db/queries/connections.ts';
import { decryptSecret } from '../../lib/crypto.ts';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';

export interface OpenedConnection {
  adapter: ChannelAdapter;
  call: ChannelCall<unknown, unknown>;
}

/**
 * A connection ready to call: its adapter, config parsed by the adapter's schema and credentials
 * decrypted and parsed. Throws a plain Error (a configuration problem of ours, not the destination's)
 * when the provider is unknown or stored settings no longer parse.
 */
export function openConnection(
  connection: Connection,
  { db, secretKey, outbound }: { db: Db; secretKey: Buffer; outbound: OutboundPolicy },
): OpenedConnection {
  if (!isProviderId(connection.provider))
    throw new Error(`connection ${connection.id} names an unknown provider`);
  const adapter = adapterFor(connection.provider);
  const config = adapter.configSchema.parse(connection.config);
  const credentials = adapter.credentialsSchema.parse(
    connection.credentials === null
      ? {}
      : JSON.parse(decryptSecret(connection.credentials, secretKey)),
  );
  return {
    adapter,
    call: { config, credentials, outbound, db, workspaceId: connection.workspaceId },
  };
}
