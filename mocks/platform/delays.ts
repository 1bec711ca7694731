export interface Delays {
  /** Resolves after `ms`, unless the server closes first (then it never settles). */
  wait(ms: number): Promise<void>;
  /** Clears every pending timer, so closing never waits for a hanging answer. */
  cancelAll(): void;
}

/** Tracks the timers behind `timeout` and `slow`, so close() can drop them at once. */
export function createDelays(): Delays {
  const pending = new Set<NodeJS.Timeout>();
  return {
    wait(ms) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.add(timer);
      });
    },
    cancelAll() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
