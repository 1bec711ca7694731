import { z } from 'zod';
import { connectionStatuses } from '../../db/publishing-schema.ts';
import type { Connection } from '../../db/queries/connections.ts';

/** What the API shows of a connection: never its credentials, only whether it has some. */
export const connectionViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    provider: z.string(),
    channel: z.string(),
    config: z.record(z.string(), z.unknown()),
    hasCredentials: z.boolean(),
    rateLimit: z.object({ max: z.int(), perSeconds: z.int() }).nullable(),
    /** `needs_reconnect` after the destination refused the credentials; new ones make it active. */
    status: z.enum(connectionStatuses),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Connection' });
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export function toConnectionView(row: Connection): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    channel: row.channel,
    config: row.config,
    hasCredentials: row.credentials !== null,
    rateLimit:
      row.rateLimit !== null && row.ratePerSeconds !== null
        ? { max: row.rateLimit, perSeconds: row.ratePerSeconds }
        : null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
