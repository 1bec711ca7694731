import type { FastifyReply } from 'fastify';
import type { MockPlatformStats } from './state.ts';

export type Trigger = 'error' | 'forbidden' | 'ratelimit' | 'timeout' | 'slow';

const order: Trigger[] = ['error', 'forbidden', 'ratelimit', 'timeout', 'slow'];

/** The first trigger word in a title (case-insensitive), so tests can script failures by title. */
export function triggerFor(title: string): Trigger | null {
  const lower = title.toLowerCase();
  return order.find((word) => lower.includes(word)) ?? null;
}

/** Answers the triggers that refuse before storing; returns true when it has answered. */
export function rejectByTrigger(
  trigger: Trigger | null,
  stats: MockPlatformStats,
  reply: FastifyReply,
): boolean {
  if (trigger === 'error') {
    stats.rejected.error += 1;
    reply.code(400).send({
      error: {
        code: 'rejected',
        message: 'Simulated Platform rejection: title contains "error"',
      },
    });
    return true;
  }
  if (trigger === 'forbidden') {
    stats.rejected.forbidden += 1;
    reply.code(403).send({
      error: {
        code: 'forbidden',
        message: 'Simulated Platform refusal: title contains "forbidden"',
      },
    });
    return true;
  }
  if (trigger === 'ratelimit') {
    stats.rejected.ratelimit += 1;
    reply
      .code(429)
      .header('Retry-After', '1')
      .send({
        error: {
          code: 'rate_limited',
          message: 'Simulated Platform rate limit: title contains "ratelimit"',
        },
      });
    return true;
  }
  return false;
}
