import type { FastifyInstance } from 'fastify';
import type { Delays } from './delays.ts';
import type { MockPlatformTiming } from './options.ts';
import {
  createContentBody,
  describeIssues,
  listContentQuery,
  patchContentBody,
} from './schemas.ts';
import { type MockPlatformState, slugTaken, toInput, toStored } from './state.ts';
import { rejectByTrigger, triggerFor } from './triggers.ts';

type IdParams = { Params: { id: string } };

const notFound = (id: string) => ({
  error: { code: 'not_found', message: `No content with id "${id}"` },
});

/** GET (list and one), PATCH and DELETE on /api/v1/content. */
export function registerItemRoutes(
  app: FastifyInstance,
  state: MockPlatformState,
  delays: Delays,
  timing: MockPlatformTiming,
): void {
  app.get('/api/v1/content', async (request, reply) => {
    const query = listContentQuery.safeParse(request.query);
    if (!query.success) {
      state.stats.rejected.invalid += 1;
      return reply
        .code(400)
        .send({ error: { code: 'invalid_request', ...describeIssues(query.error) } });
    }
    const { idempotency_key: key, slug } = query.data;
    const items = [...state.content.values()].filter(
      (item) =>
        (key === undefined || item.idempotency_key === key) &&
        (slug === undefined || item.slug === slug),
    );
    return { items };
  });

  app.get<IdParams>('/api/v1/content/:id', async (request, reply) => {
    const item = state.content.get(request.params.id);
    if (!item) return reply.code(404).send(notFound(request.params.id));
    return item;
  });

  app.patch<IdParams>('/api/v1/content/:id', async (request, reply) => {
    const existing = state.content.get(request.params.id);
    if (!existing) return reply.code(404).send(notFound(request.params.id));
    const patch = patchContentBody.safeParse(request.body ?? {});
    const merged = patch.success
      ? createContentBody.safeParse({ ...toInput(existing), ...patch.data })
      : patch;
    if (!merged.success) {
      state.stats.rejected.invalid += 1;
      return reply
        .code(400)
        .send({ error: { code: 'invalid_request', ...describeIssues(merged.error) } });
    }
    const trigger = patch.data?.title === undefined ? null : triggerFor(patch.data.title);
    if (rejectByTrigger(trigger, state.stats, reply)) return reply;
    if (slugTaken(state, merged.data.slug, existing.id)) {
      return reply.code(409).send({
        error: { code: 'slug_taken', message: `Slug "${merged.data.slug}" is already in use` },
      });
    }
    const updated = toStored(state, merged.data, {
      id: existing.id,
      idempotencyKey: existing.idempotency_key,
      createdAt: existing.created_at,
      updatedAt: new Date().toISOString(),
    });
    state.content.set(updated.id, updated);
    state.stats.updated += 1;
    if (trigger === 'timeout') {
      state.stats.timeouts += 1;
      await delays.wait(timing.hangMs);
    } else if (trigger === 'slow') {
      state.stats.slow += 1;
      await delays.wait(timing.slowMs);
    }
    return updated;
  });

  app.delete<IdParams>('/api/v1/content/:id', async (request, reply) => {
    if (!state.content.delete(request.params.id))
      return reply.code(404).send(notFound(request.params.id));
    state.stats.deleted += 1;
    return reply.code(204).send();
  });
}
