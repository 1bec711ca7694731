import { z } from 'zod';
import type { OutboundPolicy } from './lib/outbound/outbound-policy.ts';

/**
 * The one reader of process.env. Parsed once at start by main.ts; every problem is reported at
 * once; secrets never appear in messages (see `redactConfig`).
 */
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const secretKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. `openssl rand -hex 32`');

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    TOOMBOS_SECRET_KEY: secretKey.optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CORS_ORIGINS: csv.default([]),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    PASSWORD_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 14),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
    HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    /** Also how soon a scheduled job is found after its time (PRODUCT §7: due work within 1 s). */
    QUEUE_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(30).default(0.5),
    /** How often a worker looks for sources due for a scheduled sync. */
    SCHEDULER_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    /** Add the sample weekly document as a source when a new workspace is created on first start. */
    DEMO_SOURCE: flag.default(true),
    /**
     * Hosts that outbound requests (URL sources) may reach although they resolve to private,
     * loopback or link-local addresses; `*` allows all. Empty = the guard refuses them all.
     */
    PRIVATE_NETWORK_ALLOWLIST: csv.default([]),
    OUTBOUND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** First retry of a transiently failed delivery after about this long (doubling, jittered). */
    DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    /** Calls per delivery before a transient failure is final. */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
    /**
     * A delivery still `sending` this long after its call began is taken for a crashed worker's
     * and resolved by a status lookup. Must exceed OUTBOUND_TIMEOUT_MS (a live call's longest).
     */
    DELIVERY_STALE_SENDING_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** How often the approval clock runs (SLA deadlines, reminders, escalation, expired approvals). */
    APPROVAL_CLOCK_TICK_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    /** Bytes a WebSocket event stream may queue for a client before it is cut off (close 1013). */
    EVENTS_STREAM_MAX_BUFFER_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(256 * 1024 * 1024)
      .default(1024 * 1024),
    /** How often the event stream pings and sends a heartbeat; a client silent for two is dropped. */
    EVENTS_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(25_000),
    /** How long a stream without a credential in its upgrade request waits for an auth message. */
    EVENTS_STREAM_AUTH_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(10_000),
    /** First retry of a failed webhook delivery after about this long; doubles each time. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
    /** The longest wait between two attempts of a webhook delivery. */
    WEBHOOK_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(24 * 3_600_000)
      .default(2 * 3_600_000),
    /** How long a webhook delivery is retried before it fails (from its first attempt). */
    WEBHOOK_RETRY_WINDOW_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3_600_000)
      .default(24 * 3_600_000),
    /** An endpoint whose every attempt has failed for this long is disabled when a delivery gives up. */
    WEBHOOK_DISABLE_AFTER_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(30 * 24 * 3_600_000)
      .default(24 * 3_600_000),
    /** How often a worker fans new events out to webhooks and requeues overdue deliveries. */
    WEBHOOK_DISPATCH_TICK_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
    /** How often a worker looks for overdue deliveries no job holds (the reconciler). */
    RECONCILER_TICK_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  })
  .refine((config) => !(config.DATABASE_URL && !config.TOOMBOS_SECRET_KEY), {
    // Several processes must decrypt what any of them encrypted, so on PostgreSQL the key cannot
    // be generated per process; on the embedded database it is generated once into DATA_DIR.
    path: ['TOOMBOS_SECRET_KEY'],
    message:
      'is required with DATABASE_URL (the same value in every process): generate one with `openssl rand -hex 32`',
    // Run even when other settings are invalid, so every problem is listed at once.
    when: () => true,
  });

export type Config = z.infer<typeof configSchema>;

/** Delivery retries and crash detection, from config. */
export function deliveryPolicy(config: Config) {
  return {
    retry: {
      baseMs: config.DELIVERY_RETRY_BASE_MS,
      maxMs: Math.max(config.DELIVERY_RETRY_BASE_MS, 10 * 60_000),
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    },
    staleSendingMs: Math.max(config.DELIVERY_STALE_SENDING_MS, config.OUTBOUND_TIMEOUT_MS + 100),
  };
}

/** Webhook retries and auto-disable, from config. */
export function webhookRetryPolicy(config: Config) {
  return {
    baseMs: config.WEBHOOK_RETRY_BASE_MS,
    maxMs: Math.max(config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS),
    windowMs: config.WEBHOOK_RETRY_WINDOW_MS,
    disableAfterMs: config.WEBHOOK_DISABLE_AFTER_MS,
  };
}

/** Names of settings whose values must never be printed. */
export const secretSettings = ['DATABASE_URL', 'TOOMBOS_SECRET_KEY'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = configSchema.safeParse(input);
  if (!result.success) {
    // zod messages describe the rule, never the received value, so secrets cannot leak here.
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

export function publicUrl(config: Config): string {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return (
    config.PUBLIC_URL ?? `http://${host === '127.0.0.1' ? 'localhost' : host}:${config.PORT}`
  ).replace(/\/$/, '');
}

/** A copy safe to log: secrets replaced, credentials stripped from URLs. */
export function redactConfig(config: Config): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  for (const key of secretSettings) {
    if (copy[key] !== undefined) copy[key] = '[redacted]';
  }
  return copy;
}

/** Limits on requests Toombos makes to the outside (URL sources; webhooks later). */
export function outboundPolicy(config: Config): OutboundPolicy {
  return {
    allowedPrivateHosts: config.PRIVATE_NETWORK_ALLOWLIST,
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    maxBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
  };
}
