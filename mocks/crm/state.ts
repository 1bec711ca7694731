import type { BatchBody } from './schemas.ts';
import type { Subscriber } from './subscribers.ts';

export interface StoredBatch {
  batch_id: string;
  status: 'accepted';
  accepted: number;
  campaign_id: string | null;
  idempotency_key: string;
  subject: string;
  created_at: string;
  html: string;
  text: string | null;
  recipients: BatchBody['recipients'];
}

export interface MockCrmStats {
  batches: number;
  recipients: number;
  duplicates: number;
  rejected: { invalid: number; error: number; ratelimit: number };
  timeouts: number;
  slow: number;
  requests: number;
}

export interface MockCrmState {
  readonly subscribers: readonly Subscriber[];
  readonly batches: Map<string, StoredBatch>;
  readonly batchIdByKey: Map<string, string>;
  stats: MockCrmStats;
  /** Stores an accepted batch under a fresh id and counts it. */
  storeBatch(body: BatchBody): StoredBatch;
  findByKey(idempotencyKey: string): StoredBatch | undefined;
  /** `DELETE /api/v1/test-data`: batches and stats go, subscribers stay. */
  reset(): void;
}

/** In-memory state of one mock CRM; nothing survives a restart, by design. */
export function createMockCrmState(subscribers: readonly Subscriber[]): MockCrmState {
  let nextBatch = 1; // never reset, so an id a client kept cannot point at a different batch
  const state: MockCrmState = {
    subscribers,
    batches: new Map(),
    batchIdByKey: new Map(),
    stats: emptyStats(),
    storeBatch(body) {
      const batch: StoredBatch = {
        batch_id: `batch_${String(nextBatch++).padStart(4, '0')}`,
        status: 'accepted',
        accepted: body.recipients.length,
        campaign_id: body.campaign_id ?? null,
        idempotency_key: body.idempotency_key,
        subject: body.subject,
        created_at: new Date().toISOString(),
        html: body.html,
        text: body.text ?? null,
        recipients: body.recipients,
      };
      state.batches.set(batch.batch_id, batch);
      state.batchIdByKey.set(batch.idempotency_key, batch.batch_id);
      state.stats.batches += 1;
      state.stats.recipients += batch.accepted;
      return batch;
    },
    findByKey(idempotencyKey) {
      const id = state.batchIdByKey.get(idempotencyKey);
      return id === undefined ? undefined : state.batches.get(id);
    },
    reset() {
      state.batches.clear();
      state.batchIdByKey.clear();
      state.stats = emptyStats();
    },
  };
  return state;
}

/** The status-lookup view of a batch (the contract's fields, without content or recipients). */
export function batchStatus(batch: StoredBatch) {
  const { batch_id, status, accepted, campaign_id, idempotency_key, subject, created_at } = batch;
  return { batch_id, status, accepted, campaign_id, idempotency_key, subject, created_at };
}

function emptyStats(): MockCrmStats {
  return {
    batches: 0,
    recipients: 0,
    duplicates: 0,
    rejected: { invalid: 0, error: 0, ratelimit: 0 },
    timeouts: 0,
    slow: 0,
    requests: 0,
  };
}
