import { describe, expect, it } from 'vitest';
import { createReadThroughCache } from './read-through-cache.ts';

describe('createReadThroughCache', () => {
  it('loads once, then serves from memory until the TTL passes', async () => {
    let clock = 0;
    let loads = 0;
    const cache = createReadThroughCache<number>({ ttlMs: 100, maxEntries: 10, now: () => clock });
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    clock = 101;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('reloads after evict', async () => {
    let loads = 0;
    const cache = createReadThroughCache<number>({ ttlMs: 10_000, maxEntries: 10 });
    await cache.get('a', async () => ++loads);
    cache.evict('a');
    expect(await cache.get('a', async () => ++loads)).toBe(2);
  });

  it('does not store a value whose load began before an eviction', async () => {
    const cache = createReadThroughCache<string>({ ttlMs: 10_000, maxEntries: 10 });
    let release: (value: string) => void = () => {};
    const slow = cache.get('a', () => new Promise<string>((resolve) => (release = resolve)));
    cache.evict('a');
    release('before the change');
    expect(await slow).toBe('before the change');
    expect(await cache.get('a', async () => 'after the change')).toBe('after the change');
  });

  it('drops the oldest entry when full', async () => {
    let loads = 0;
    const cache = createReadThroughCache<number>({ ttlMs: 10_000, maxEntries: 2 });
    await cache.get('a', async () => ++loads);
    await cache.get('b', async () => ++loads);
    await cache.get('c', async () => ++loads);
    expect(await cache.get('b', async () => ++loads)).toBe(2);
    expect(await cache.get('a', async () => ++loads)).toBe(4);
  });
});
