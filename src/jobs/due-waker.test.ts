import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDueWaker } from './due-waker.ts';

const log = pino({ level: 'silent' });

describe('startDueWaker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-09T13:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wakes a job name at the due time it was told, not before', async () => {
    const woken: string[] = [];
    const waker = startDueWaker({
      nextDue: async () => new Map(),
      wake: (name) => woken.push(name),
      log,
    });
    waker.expect('delivery.send', new Date(Date.now() + 2_000));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(woken).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(woken).toEqual(['delivery.send']);
    waker.stop();
  });

  it('keeps the earliest of several due times and arms the next after waking', async () => {
    const woken: Array<[string, number]> = [];
    let queued = [new Date(Date.now() + 5_000)];
    const waker = startDueWaker({
      nextDue: async () => {
        const future = queued.filter((at) => at.getTime() > Date.now());
        return future.length > 0 ? new Map([['delivery.send', future[0] as Date]]) : new Map();
      },
      wake: (name) => woken.push([name, Date.now()]),
      log,
    });
    const start = Date.now();
    waker.expect('delivery.send', new Date(start + 3_000));
    waker.expect('delivery.send', new Date(start + 4_000));
    await vi.advanceTimersByTimeAsync(6_000);
    expect(woken).toEqual([
      ['delivery.send', start + 3_000],
      ['delivery.send', start + 5_000],
    ]);
    queued = [];
    waker.stop();
  });

  it('learns due times other processes created from its periodic look', async () => {
    const woken: string[] = [];
    let dueAt: Date | null = null;
    const waker = startDueWaker({
      nextDue: async () =>
        dueAt && dueAt.getTime() > Date.now() ? new Map([['source.sync', dueAt]]) : new Map(),
      wake: (name) => woken.push(name),
      log,
    });
    await vi.advanceTimersByTimeAsync(100);
    dueAt = new Date(Date.now() + 2_500);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(woken).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(woken).toEqual(['source.sync']);
    waker.stop();
  });

  it('wakes nobody after stop, and survives a failing look', async () => {
    const woken: string[] = [];
    const waker = startDueWaker({
      nextDue: async () => {
        throw new Error('connection lost');
      },
      wake: (name) => woken.push(name),
      log,
    });
    waker.expect('delivery.send', new Date(Date.now() + 1_000));
    waker.stop();
    waker.expect('delivery.send', new Date(Date.now() + 1_000));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(woken).toEqual([]);
  });
});
