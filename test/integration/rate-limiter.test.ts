import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, rateLimitWindows } from '../../src/db/schema.ts';
import { createRateLimiter, leaseSize } from '../../src/http/rate-limiter.ts';
import { createWorkspaceWithOwner } from '../../src/services/workspaces/bootstrap-workspace.ts';
import { openTestDatabase, postgresUrl, type TestDatabase } from '../helpers/test-database.ts';

// A fixed instant in the middle of a window, so no case straddles a minute boundary.
const at = new Date('2026-11-25T10:00:30Z');

describe.skipIf(!postgresUrl)('rate limiter on PostgreSQL: counts leased per process', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    first = await openTestDatabase('postgres');
    second = await openTestDatabase('postgres', { sameAs: first });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  async function newKey(): Promise<{ workspaceId: string; apiKeyId: string }> {
    const { workspaceId } = await createWorkspaceWithOwner(first.database.db, {
      name: 'Limits',
      slug: `limits-${randomUUID()}`,
      ownerEmail: `limits-${randomUUID()}@example.test`,
    });
    const [key] = await first.database.db
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(eq(apiKeys.workspaceId, workspaceId));
    if (!key) throw new Error('no key');
    return { workspaceId, apiKeyId: key.id };
  }

  async function stored(apiKeyId: string): Promise<number> {
    const rows = await first.database.db
      .select({ count: rateLimitWindows.count })
      .from(rateLimitWindows)
      .where(eq(rateLimitWindows.apiKeyId, apiKeyId));
    return rows.reduce((sum, row) => sum + row.count, 0);
  }

  it('leases 1 % of the limit, between 1 and 50', () => {
    expect([3, 199, 200, 600, 4_999, 1_000_000].map(leaseSize)).toEqual([1, 1, 2, 6, 49, 50]);
  });

  it('gives concurrent requests of one process distinct counts, one write per lease', async () => {
    const { workspaceId, apiKeyId } = await newKey();
    const limiter = createRateLimiter(first.database);
    const states = await Promise.all(
      Array.from({ length: 25 }, () => limiter.hit(apiKeyId, workspaceId, 1_000, at)),
    );
    expect(states.map((state) => state.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 1),
    );
    // Lease of 10: three writes reserved 30 counts.
    expect(await stored(apiKeyId)).toBe(30);
  });

  it('never lets more than the limit through across two processes', async () => {
    const { workspaceId, apiKeyId } = await newKey();
    const limiters = [createRateLimiter(first.database), createRateLimiter(second.database)];
    const limit = 300; // lease of 3
    const counts: number[] = [];
    for (let index = 0; index < 400; index += 1) {
      const limiter = limiters[index % 2];
      if (!limiter) throw new Error('no limiter');
      counts.push((await limiter.hit(apiKeyId, workspaceId, limit, at)).count);
    }
    const admitted = counts.filter((count) => count <= limit);
    expect(new Set(counts).size).toBe(counts.length);
    expect(admitted.length).toBeLessThanOrEqual(limit);
    // Each process may strand at most leaseSize - 1 slots.
    expect(admitted.length).toBeGreaterThanOrEqual(limit - 2 * (leaseSize(limit) - 1));
  });

  it('is exact for small limits: one count at a time', async () => {
    const { workspaceId, apiKeyId } = await newKey();
    const limiters = [createRateLimiter(first.database), createRateLimiter(second.database)];
    const counts: number[] = [];
    for (const limiter of [...limiters, ...limiters])
      counts.push((await limiter.hit(apiKeyId, workspaceId, 3, at)).count);
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(await stored(apiKeyId)).toBe(4);
  });

  it('starts a new lease in a new window', async () => {
    const { workspaceId, apiKeyId } = await newKey();
    const limiter = createRateLimiter(first.database);
    expect((await limiter.hit(apiKeyId, workspaceId, 1_000, at)).count).toBe(1);
    const nextMinute = new Date(at.getTime() + 60_000);
    expect((await limiter.hit(apiKeyId, workspaceId, 1_000, nextMinute)).count).toBe(1);
    expect(await stored(apiKeyId)).toBe(20);
  });
});
