import { z } from 'zod';
import { providerIds } from '../../channels/registry.ts';
import { channelIds } from '../../generation/channels.ts';

const name = z.string().trim().min(1).max(200);
const config = z
  .record(z.string(), z.unknown())
  .describe("Non-secret settings, checked against the provider's config schema.");
const credentials = z
  .record(z.string(), z.unknown())
  .describe("Secret settings, checked against the provider's credentials schema; never returned.");

/** At most `max` deliveries started per `perSeconds` window (enforced by the worker). */
export const rateLimitInput = z.strictObject({
  max: z.int().min(1).max(1_000_000),
  perSeconds: z.int().min(1).max(86_400),
});

/**
 * Creating a connection. The shape is checked here; what depends on the provider (its channels,
 * config and credentials schemas) is checked by the service against the channel registry.
 */
export const createConnectionInput = z.strictObject({
  name,
  provider: z.enum(providerIds),
  channel: z.enum(channelIds),
  config: config.optional(),
  credentials: credentials.optional(),
  rateLimit: rateLimitInput.optional(),
});
export type CreateConnectionInput = z.infer<typeof createConnectionInput>;

/** A connection publishes one channel through one provider for life: make another to change them. */
const immutable = z
  .never({ error: 'cannot be changed; create another connection instead' })
  .optional()
  .describe('Cannot be changed: sending it is an error.');

export const updateConnectionInput = z.strictObject({
  name: name.optional(),
  /** Replaces the config whole (checked again). */
  config: config.optional(),
  /** Replaces the credentials; an empty object keeps the stored ones. */
  credentials: credentials.optional(),
  /** null = no limit of ours. */
  rateLimit: rateLimitInput.nullable().optional(),
  /** Only back to `active`; new credentials do that too. */
  status: z.literal('active').optional(),
  provider: immutable,
  channel: immutable,
});
export type UpdateConnectionInput = z.infer<typeof updateConnectionInput>;
