import type { Logger } from 'pino';

/** How often the waker asks the queue for due times other processes created. */
const LOOK_EVERY_MS = 1_000;
/** Due times further ahead are armed by a later look, not now (timers stay few and short). */
const HORIZON_MS = 60_000;

export interface DueWaker {
  /** A job of `name` becomes runnable at `at` (enqueued by this process): wake its workers then. */
  expect(name: string, at: Date): void;
  stop(): void;
}

/**
 * pg-boss finds a delayed job by polling (at least every 0.5 s), so 1,000 deliveries due at 09:00
 * would start up to half a second late before the first fetch even ran. The waker keeps one timer
 * per job name at the earliest due time it knows and wakes that name's workers at that instant.
 * It learns due times from enqueues in this process at once and, for jobs another process
 * enqueued, from one look at the queue every second. Polling stays the floor: a missed wake-up
 * costs at most one poll interval.
 */
export function startDueWaker({
  nextDue,
  wake,
  log,
}: {
  /** The earliest future due time per job name, from the queue. */
  nextDue(): Promise<Map<string, Date>>;
  wake(name: string): void;
  log: Logger;
}): DueWaker {
  const armed = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  let stopped = false;

  function expect(name: string, at: Date): void {
    if (stopped) return;
    const due = at.getTime();
    const current = armed.get(name);
    if (current && current.at <= due) return;
    const delay = due - Date.now();
    if (delay > HORIZON_MS) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        armed.delete(name);
        wake(name);
        void look();
      },
      Math.max(0, delay),
    );
    timer.unref();
    armed.set(name, { at: due, timer });
  }

  async function look(): Promise<void> {
    try {
      for (const [name, at] of await nextDue()) expect(name, at);
    } catch (error) {
      log.debug({ err: error }, 'queue: could not read the next due times; polling covers it');
    }
  }

  const interval = setInterval(() => void look(), LOOK_EVERY_MS);
  interval.unref();
  void look();
  return {
    expect,
    stop() {
      stopped = true;
      clearInterval(interval);
      for (const { timer } of armed.values()) clearTimeout(timer);
      armed.clear();
    },
  };
}
