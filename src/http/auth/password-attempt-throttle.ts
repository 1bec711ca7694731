import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * Password guessing is slowed by scrypt (~0.3 s a try) but not stopped by it, and every try costs
 * the server that 0.3 s and 128 MiB: login and setup are limited per client address, in fixed
 * one-minute windows, per process (with several api processes the effective limit is the sum;
 * a shared counter would need a table keyed by address).
 */
export function passwordAttemptThrottle({ perMinute }: { perMinute: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return async function throttle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const now = Date.now();
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const current = windows.get(request.ip);
    const window = current && current.start === start ? current : { start, count: 0 };
    window.count += 1;
    if (!current && windows.size >= MAX_TRACKED) windows.clear();
    windows.set(request.ip, window);
    if (window.count > perMinute) {
      const retryAfterSeconds = Math.ceil((start + WINDOW_MS - now) / 1000);
      reply.header('Retry-After', String(retryAfterSeconds));
      throw new AppError(
        'rate_limited',
        `Too many sign-in attempts from this address; try again in ${retryAfterSeconds} s.`,
        {
          retryAfterSeconds,
        },
      );
    }
  };
}
