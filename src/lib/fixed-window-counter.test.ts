import { describe, expect, it } from 'vitest';
import { createFixedWindowCounter, secondsLeftInWindow } from './fixed-window-counter.ts';

describe('createFixedWindowCounter', () => {
  it('counts per key within a clock minute and starts again in the next', () => {
    const counter = createFixedWindowCounter();
    const minute = 60_000 * 1_000;
    expect(counter.hit('a', minute + 1)).toBe(1);
    expect(counter.hit('a', minute + 59_999)).toBe(2);
    expect(counter.hit('b', minute + 2)).toBe(1);
    expect(counter.hit('a', minute + 60_000)).toBe(1);
    expect(secondsLeftInWindow(minute + 59_001)).toBe(1);
  });

  it('drops keys of past windows when full', () => {
    const counter = createFixedWindowCounter({ maxKeys: 2 });
    counter.hit('a', 0);
    counter.hit('b', 0);
    counter.hit('c', 60_000);
    // `a` was dropped with its window; it counts from one again even within its old minute.
    expect(counter.hit('a', 1)).toBe(1);
  });
});
