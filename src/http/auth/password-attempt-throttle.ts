import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { createFixedWindowCounter, secondsLeftInWindow } from '../../lib/fixed-window-counter.ts';

/**
 * Password guessing is slowed by scrypt (~0.3 s a try) but not stopped by it, and every try costs
 * the server that 0.3 s and 128 MiB: login and setup are limited per client address, in fixed
 * one-minute windows, per process (with several api processes the effective limit is the sum;
 * a shared counter would need a table keyed by address).
 */
export function passwordAttemptThrottle({ perMinute }: { perMinute: number }) {
  const attempts = createFixedWindowCounter();
  return async function throttle(request: FastifyRequest): Promise<void> {
    const now = Date.now();
    if (attempts.hit(request.ip, now) <= perMinute) return;
    // The error handler turns retryAfterSeconds into the Retry-After header.
    const retryAfterSeconds = secondsLeftInWindow(now);
    throw new AppError(
      'rate_limited',
      `Too many sign-in attempts from this address; try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  };
}
