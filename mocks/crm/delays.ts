export type DelayOutcome = 'elapsed' | 'cancelled';

export interface Delays {
  wait(ms: number): Promise<DelayOutcome>;
  /** Ends every pending wait at once; later waits resolve immediately as cancelled. */
  cancelAll(): void;
  readonly pending: number;
}

/** Tracked timers, so closing the server never waits for a hanging `timeout` response. */
export function createDelays(): Delays {
  const pending = new Map<NodeJS.Timeout, (outcome: DelayOutcome) => void>();
  let cancelled = false;
  return {
    wait(ms) {
      if (cancelled) return Promise.resolve('cancelled');
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve('elapsed');
        }, ms);
        pending.set(timer, resolve);
      });
    },
    cancelAll() {
      cancelled = true;
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve('cancelled');
      }
      pending.clear();
    },
    get pending() {
      return pending.size;
    },
  };
}
