import { z } from 'zod';

/**
 * The bench's own settings, read from the environment once, like the app's src/config.ts (the
 * bench is a tool beside the app, so it does not widen the app's schema).
 */
const benchSchema = z.object({
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).default(10),
  BENCH_DURATION_SECONDS: z.coerce.number().min(0).default(10),
  BENCH_WARMUP_SECONDS: z.coerce.number().min(0).default(3),
  /** Also bench the API on this PostgreSQL. */
  BENCH_DATABASE_URL: z.string().min(1).optional(),
  /** Set by the bench for the Toombos target process: its database. */
  BENCH_TARGET_DATABASE_URL: z.string().min(1).optional(),
  BENCH_LOG_LEVEL: z.string().min(1).default('info'),
  /** Sandbox deliveries due at one second in the delivery bench. */
  BENCH_DELIVERIES: z.coerce.number().int().min(10).default(1000),
  /** Events appended in the event fan-out bench (each sent to 100 WebSocket clients). */
  BENCH_EVENTS: z.coerce.number().int().min(10).default(2000),
  /** Write V8 CPU profiles of the targets into this directory. */
  BENCH_CPU_PROF: z.string().min(1).optional(),
});

export type BenchConfig = z.infer<typeof benchSchema>;

export function loadBenchConfig(): BenchConfig {
  const input = Object.fromEntries(
    Object.keys(benchSchema.shape).flatMap((key) => {
      const value = process.env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = benchSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `Invalid bench settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** A target process inherits this process's environment, plus its own settings. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
