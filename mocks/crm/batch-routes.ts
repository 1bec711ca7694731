import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MockCrmContext } from './context.ts';
import { sendError, sendInvalid } from './errors.ts';
import { batchBody, batchLookupQuery } from './schemas.ts';
import { batchStatus } from './state.ts';
import { subjectTrigger } from './triggers.ts';

export const batchRoute = '/api/v1/email/batch';

/** Sending a batch, looking it up by id or idempotency key, and listing what was "sent". */
export function registerBatchRoutes(app: FastifyInstance, context: MockCrmContext): void {
  const { state } = context;

  app.post(batchRoute, async (request, reply) => {
    const parsed = batchBody.safeParse(request.body);
    if (!parsed.success) {
      state.stats.rejected.invalid += 1;
      return sendInvalid(reply, 'batch', parsed.error);
    }
    const body = parsed.data;
    // A repeat is answered from the first attempt at once, whatever its subject asks for.
    const original = state.findByKey(body.idempotency_key);
    if (original) {
      state.stats.duplicates += 1;
      return reply
        .code(200)
        .send({ batch_id: original.batch_id, accepted: original.accepted, duplicate: true });
    }
    const trigger = subjectTrigger(body.subject);
    if (trigger === 'invalid' || trigger === 'error' || trigger === 'ratelimit') {
      state.stats.rejected[trigger] += 1;
      return rejectFor(trigger, reply);
    }
    const batch = state.storeBatch(body);
    if (trigger === 'timeout' || trigger === 'slow') {
      if (trigger === 'timeout') state.stats.timeouts += 1;
      else state.stats.slow += 1;
      const ms = trigger === 'timeout' ? context.options.hangMs : context.options.slowMs;
      if ((await context.delays.wait(ms)) === 'cancelled') {
        return sendError(reply, 503, 'shutting_down', 'Mock CRM is shutting down');
      }
    }
    return reply.code(202).send({ batch_id: batch.batch_id, accepted: batch.accepted });
  });

  app.get<{ Params: { id: string } }>(`${batchRoute}/:id`, async (request, reply) => {
    const batch = state.batches.get(request.params.id);
    if (!batch) return sendError(reply, 404, 'not_found', `No batch ${request.params.id}`);
    return batchStatus(batch);
  });

  // Extension: how a client resolves an unknown outcome (e.g. its own timeout) without resending.
  app.get(batchRoute, async (request, reply) => {
    const parsed = batchLookupQuery.safeParse(request.query);
    if (!parsed.success) return sendInvalid(reply, 'query', parsed.error);
    const batch = state.findByKey(parsed.data.idempotency_key);
    if (!batch) {
      return sendError(reply, 404, 'not_found', 'No batch with that idempotency_key');
    }
    return batchStatus(batch);
  });

  // Extension: everything "sent", content and recipients included, oldest first.
  app.get('/api/v1/email/batches', async () => ({ batches: [...state.batches.values()] }));
}

function rejectFor(trigger: 'invalid' | 'error' | 'ratelimit', reply: FastifyReply): FastifyReply {
  const why = `subject contains "${trigger}"`;
  if (trigger === 'invalid') {
    return sendError(reply, 400, 'invalid_request', `Simulated CRM rejection: ${why}`, [
      { field: 'subject', message: `Simulated CRM rejection: ${why}` },
    ]);
  }
  if (trigger === 'error') {
    return sendError(reply, 500, 'internal', `Simulated CRM failure: ${why}`);
  }
  reply.header('Retry-After', '1');
  return sendError(reply, 429, 'rate_limited', `Simulated CRM rate limit: ${why}`);
}
