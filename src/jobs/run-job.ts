import type { Job, JobResult } from 'pg-boss';
import { describeError } from '../lib/query-errors.ts';
import type { JobDefinition, WorkerContext } from './define-job.ts';

/**
 * Runs one delivery of a job and says how pg-boss must settle it:
 * - a payload the schema rejects will never become valid, so it fails terminally (`deadletter`
 *   skips the remaining retries; our queues have no dead letter queue, so it simply ends `failed`);
 * - a handler that throws fails this attempt (`failed`), which pg-boss retries per the queue's
 *   retry policy;
 * - otherwise `completed`.
 * Never throws: a throw would fail the whole batch, including jobs that succeeded.
 */
export async function runJob(
  definition: JobDefinition,
  job: Job<unknown>,
  context: WorkerContext,
): Promise<JobResult> {
  const log = context.log.child({
    job: definition.name,
    jobId: job.id,
    attempt: job.retryCount + 1,
  });
  const parsed = definition.schema.safeParse(job.data);
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues }, 'job payload is invalid; failing without retry');
    return {
      id: job.id,
      status: 'deadletter',
      output: { message: 'invalid payload', issues: parsed.error.issues },
    };
  }
  try {
    await definition.handler(parsed.data, { ...context, log, jobId: job.id });
    return { id: job.id, status: 'completed' };
  } catch (error) {
    const final = job.retryCount >= definition.retry.limit;
    log[final ? 'error' : 'warn'](
      { err: error },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    // Stored in pgboss.job: the message without query parameters (see lib/query-errors.ts).
    return {
      id: job.id,
      status: 'failed',
      output: {
        name: error instanceof Error ? error.name : 'Error',
        message: describeError(error),
      },
    };
  }
}

/**
 * Runs a fetched batch through the definition's batch handler: invalid payloads fail terminally
 * one by one (as in runJob); the valid ones succeed or fail together. Never throws.
 */
export async function runJobBatch(
  definition: JobDefinition,
  jobs: Array<Job<unknown>>,
  context: WorkerContext,
): Promise<JobResult[]> {
  const batch = definition.batch;
  if (batch === undefined) return Promise.all(jobs.map((job) => runJob(definition, job, context)));
  const log = context.log.child({ job: definition.name, batch: jobs.length });
  const results: JobResult[] = [];
  const valid: Array<{ job: Job<unknown>; payload: unknown }> = [];
  for (const job of jobs) {
    const parsed = definition.schema.safeParse(job.data);
    if (parsed.success) valid.push({ job, payload: parsed.data });
    else {
      log.error(
        { jobId: job.id, issues: parsed.error.issues },
        'job payload is invalid; failing without retry',
      );
      results.push({
        id: job.id,
        status: 'deadletter',
        output: { message: 'invalid payload', issues: parsed.error.issues },
      });
    }
  }
  if (valid.length === 0) return results;
  try {
    await batch.handler(
      valid.map((entry) => entry.payload as object),
      { ...context, log },
    );
    for (const { job } of valid) results.push({ id: job.id, status: 'completed' });
  } catch (error) {
    log.warn({ err: error }, 'job batch failed; its jobs will retry');
    const output = {
      name: error instanceof Error ? error.name : 'Error',
      message: describeError(error),
    };
    for (const { job } of valid) results.push({ id: job.id, status: 'failed', output });
  }
  return results;
}
