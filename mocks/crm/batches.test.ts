import { describe, expect, it } from 'vitest';
import type { MockCrmStats } from './state.ts';
import { batch, startForTest } from './test-helpers.ts';

describe('mock CRM batches', () => {
  it('accepts a batch and reports it by id', async () => {
    const { call, send } = await startForTest();
    const body = batch({ idempotency_key: 'nl-1' });
    const response = await send(body);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { batch_id: string; accepted: number };
    expect(accepted).toEqual({ batch_id: expect.stringMatching(/^batch_/), accepted: 2 });

    const lookup = await call(`/api/v1/email/batch/${accepted.batch_id}`);
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toEqual({
      batch_id: accepted.batch_id,
      status: 'accepted',
      accepted: 2,
      campaign_id: 'camp_1',
      idempotency_key: 'nl-1',
      subject: 'March newsletter',
      created_at: expect.any(String),
    });
    expect((await call('/api/v1/email/batch/batch_9999')).status).toBe(404);
  });

  it('de-duplicates by idempotency_key and counts the duplicate', async () => {
    const { call, send } = await startForTest();
    const body = batch({ idempotency_key: 'same-key' });
    const first = (await (await send(body)).json()) as { batch_id: string };
    const again = await send({ ...body, subject: 'Changed subject' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ batch_id: first.batch_id, accepted: 2, duplicate: true });

    const stats = (await (await call('/api/v1/stats')).json()) as MockCrmStats;
    expect(stats).toMatchObject({ batches: 1, recipients: 2, duplicates: 1 });
    const list = (await (await call('/api/v1/email/batches')).json()) as { batches: unknown[] };
    expect(list.batches).toHaveLength(1);
  });

  it.each([
    ['missing subject', { subject: undefined }, 'subject'],
    ['missing html', { html: undefined }, 'html'],
    ['missing recipients', { recipients: undefined }, 'recipients'],
    ['empty recipients', { recipients: [] }, 'recipients'],
    [
      'too many recipients',
      { recipients: Array.from({ length: 1001 }, (_, i) => ({ email: `r${i}@example.test` })) },
      'recipients',
    ],
    ['a bad email', { recipients: [{ email: 'not-an-email' }] }, 'recipients.0.email'],
    ['missing idempotency_key', { idempotency_key: undefined }, 'idempotency_key'],
  ])('rejects %s with 400 invalid_request naming the field', async (_label, override, field) => {
    const { call, send } = await startForTest();
    const response = await send(batch(override));
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; details: Array<{ field: string; message: string }> };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((detail) => detail.field)).toContain(field);
    const stats = (await (await call('/api/v1/stats')).json()) as MockCrmStats;
    expect(stats.batches).toBe(0);
    expect(stats.rejected.invalid).toBe(1);
  });

  it('looks a batch up by idempotency_key (extension)', async () => {
    const { call, send } = await startForTest();
    const { batch_id } = (await (await send(batch({ idempotency_key: 'k/1 2' }))).json()) as {
      batch_id: string;
    };
    const found = await call(`/api/v1/email/batch?idempotency_key=${encodeURIComponent('k/1 2')}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ batch_id, status: 'accepted' });
    expect((await call('/api/v1/email/batch?idempotency_key=unknown')).status).toBe(404);
    expect((await call('/api/v1/email/batch')).status).toBe(400);
  });

  it('clears batches and stats on DELETE /api/v1/test-data, keeping subscribers', async () => {
    const { call, send } = await startForTest();
    await send(batch({ idempotency_key: 'before-reset' }));
    await send(batch({ subject: 'an error' }));
    const reset = await call('/api/v1/test-data', { method: 'DELETE' });
    expect(reset.status).toBe(204);

    const stats = (await (await call('/api/v1/stats')).json()) as MockCrmStats;
    expect(stats).toEqual({
      batches: 0,
      recipients: 0,
      duplicates: 0,
      rejected: { invalid: 0, error: 0, ratelimit: 0 },
      timeouts: 0,
      slow: 0,
      requests: 0,
    });
    const list = (await (await call('/api/v1/email/batches')).json()) as { batches: unknown[] };
    expect(list.batches).toEqual([]);
    expect((await call('/api/v1/email/batch?idempotency_key=before-reset')).status).toBe(404);
    // The same key is a fresh batch again after the reset.
    expect((await send(batch({ idempotency_key: 'before-reset' }))).status).toBe(202);
    const page = (await (await call('/api/v1/subscribers')).json()) as { subscribers: unknown[] };
    expect(page.subscribers).toHaveLength(25);
  });
});
