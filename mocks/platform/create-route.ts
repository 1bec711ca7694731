import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Delays } from './delays.ts';
import type { MockPlatformTiming } from './options.ts';
import { createContentBody, describeIssues, idempotencyKeyHeader } from './schemas.ts';
import { type CreatedAnswer, type MockPlatformState, slugTaken, toStored } from './state.ts';
import { rejectByTrigger, triggerFor } from './triggers.ts';

/** POST /api/v1/content: validate, honour Idempotency-Key, apply title triggers, store. */
export function registerCreateRoute(
  app: FastifyInstance,
  state: MockPlatformState,
  delays: Delays,
  timing: MockPlatformTiming,
): void {
  app.post('/api/v1/content', async (request, reply) => {
    const rawKey = request.headers['idempotency-key'];
    let idempotencyKey: string | null = null;
    if (rawKey !== undefined) {
      const key = idempotencyKeyHeader.safeParse(rawKey);
      if (!key.success) {
        state.stats.rejected.invalid += 1;
        return reply.code(400).send({
          error: { code: 'invalid_request', message: 'Idempotency-Key must be 1–255 characters' },
        });
      }
      idempotencyKey = key.data;
      const original = state.idempotency.get(idempotencyKey);
      if (original) {
        state.stats.duplicates += 1;
        return reply.code(200).send({ ...original, duplicate: true });
      }
    }

    const parsed = createContentBody.safeParse(request.body);
    if (!parsed.success) {
      state.stats.rejected.invalid += 1;
      return reply
        .code(400)
        .send({ error: { code: 'invalid_request', ...describeIssues(parsed.error) } });
    }
    const input = parsed.data;
    const trigger = triggerFor(input.title);
    if (rejectByTrigger(trigger, state.stats, reply)) return reply;
    if (slugTaken(state, input.slug)) {
      return reply.code(409).send({
        error: { code: 'slug_taken', message: `Slug "${input.slug}" is already in use` },
      });
    }

    const now = new Date().toISOString();
    const item = toStored(state, input, {
      id: randomUUID(),
      idempotencyKey,
      createdAt: now,
      updatedAt: now,
    });
    state.content.set(item.id, item);
    const answer: CreatedAnswer = { id: item.id, url: item.url, status: item.status };
    if (idempotencyKey !== null) state.idempotency.set(idempotencyKey, answer);
    state.stats.created += 1;

    if (trigger === 'timeout') {
      state.stats.timeouts += 1;
      await delays.wait(timing.hangMs);
    } else if (trigger === 'slow') {
      state.stats.slow += 1;
      await delays.wait(timing.slowMs);
    }
    return reply.code(201).send(answer);
  });
}
