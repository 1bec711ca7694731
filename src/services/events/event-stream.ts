import type { Db } from '../../db/client.ts';
import { latestEventSeq, listEvents } from '../../db/queries/events.ts';
import type { EventBus } from '../../events/bus.ts';
import type { StoredEvent } from '../../events/types.ts';
import { matchesTypeFilter, type TypeFilter } from './event-query.ts';
import { toEventView } from './event-view.ts';

/** Where a stream writes: a WebSocket in production, anything in tests. */
export interface StreamSink {
  /** Queues one text message. */
  send(message: string): void;
  /** Bytes queued and not yet handed to the network (WebSocket `bufferedAmount`). */
  bufferedBytes(): number;
  close(code: number, reason: string): void;
}

export interface EventStreamOptions {
  db: Db;
  bus: EventBus;
  workspaceId: string;
  types?: TypeFilter | undefined;
  /** Replay events after this id first; undefined: only events from now on. */
  since?: number | undefined;
  /** Above this many queued bytes the consumer is too slow: closed with SLOW_CONSUMER. */
  maxBufferedBytes: number;
  /** Called when the stream fails (the database is unreachable…); the sink is closed. */
  onError(error: unknown): void;
}

/** Close codes and reasons a client can act on (docs/events.md). */
export const STREAM_CLOSE = {
  /** 1008 policy violation: no, bad or insufficient credential. */
  POLICY: 1008,
  /** 1013 try again later: the client did not read fast enough; reconnect with `since`. */
  SLOW_CONSUMER: 1013,
  /** 1011 internal error. */
  INTERNAL: 1011,
  /** 1001 going away: the server is shutting down. */
  GOING_AWAY: 1001,
} as const;

const PAGE = 500;
/** A replay waits this long at most for the client to read half its buffer before the next page. */
const DRAIN_WAIT_MS = 10_000;
/** Bus events held while a replay or catch-up reads the log; past it, they are read again from the log. */
const MAX_PENDING = 5_000;

export interface EventStream {
  /** The last position handled (sent, or skipped by the type filter). */
  position(): number;
  stop(): void;
}

/**
 * One subscriber's view of its workspace's events: the missed ones from the log (`since`), then
 * live ones from the bus, without gaps or duplicates (docs/adr/0010-events-out.md).
 *
 * Positions (`seq`) are assigned at commit in commit order per workspace, and the bus delivers in
 * commit order, so the stream only ever needs "the next position". It subscribes to the bus before
 * reading the log, so nothing committed after the read is missed; it skips what it has already
 * handled (a duplicate) and reads the log for any position it has not seen yet (a NOTIFY lost while
 * a LISTEN connection reconnected, or pending bus events dropped to bound memory).
 */
export function openEventStream(sink: StreamSink, options: EventStreamOptions): EventStream {
  const { db, bus, workspaceId, types, maxBufferedBytes } = options;
  let last = options.since ?? -1;
  let pending: StoredEvent[] = [];
  let mustCatchUp = false;
  let running = false;
  let stopped = false;
  let caughtUp = false;

  const unsubscribe = bus.subscribe((event) => {
    if (stopped || event.workspaceId !== workspaceId || event.seq === null) return;
    if (pending.length >= MAX_PENDING) {
      pending = [];
      mustCatchUp = true;
    } else pending.push(event);
    void pump();
  });

  function stop(): void {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    pending = [];
  }

  function fail(code: number, reason: string): void {
    stop();
    sink.close(code, reason);
  }

  /** Sends one event if it passes the filter; false once the consumer is cut off. */
  function deliver(event: StoredEvent): boolean {
    if (event.seq === null) return true;
    last = event.seq;
    if (!matchesTypeFilter(types, event.type)) return true;
    sink.send(JSON.stringify({ kind: 'event', event: toEventView(event) }));
    if (sink.bufferedBytes() > maxBufferedBytes) {
      fail(
        STREAM_CLOSE.SLOW_CONSUMER,
        `slow consumer: over ${maxBufferedBytes} bytes unread; reconnect with since=${last}`,
      );
      return false;
    }
    return true;
  }

  /** Before sending a page of the log: a client reading slower than the replay gets time, not a flood. */
  async function drained(): Promise<boolean> {
    const deadline = Date.now() + DRAIN_WAIT_MS;
    while (!stopped && sink.bufferedBytes() > maxBufferedBytes / 2) {
      if (Date.now() > deadline) {
        fail(
          STREAM_CLOSE.SLOW_CONSUMER,
          `slow consumer: over ${maxBufferedBytes / 2} bytes unread for ${DRAIN_WAIT_MS} ms; reconnect with since=${last}`,
        );
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return !stopped;
  }

  /** Sends every event of the log after `last` up to `until` (inclusive). */
  async function readLog(until: number): Promise<boolean> {
    while (!stopped && last < until) {
      if (!(await drained())) return false;
      const rows = await listEvents(db, {
        workspaceId,
        afterSeq: Math.max(last, 0),
        untilSeq: until,
        limit: PAGE,
      });
      if (rows.length === 0) {
        last = until;
        break;
      }
      for (const row of rows) if (stopped || !deliver(row)) return false;
    }
    return !stopped;
  }

  async function catchUp(): Promise<boolean> {
    mustCatchUp = false;
    const horizon = await latestEventSeq(db, workspaceId);
    if (last < 0) {
      last = horizon;
      return true;
    }
    return readLog(horizon);
  }

  async function pump(): Promise<void> {
    if (running || stopped) return;
    running = true;
    try {
      while (!stopped && (mustCatchUp || pending.length > 0)) {
        if (mustCatchUp) {
          if (!(await catchUp())) return;
          if (!caughtUp) {
            caughtUp = true;
            sink.send(JSON.stringify({ kind: 'caught_up', lastEventId: String(last) }));
          }
          continue;
        }
        const event = pending.shift();
        if (event?.seq == null || event.seq <= last) continue;
        // A position not seen yet: it committed before this one, so the log has it.
        if (event.seq > last + 1 && !(await readLog(event.seq - 1))) return;
        if (!deliver(event)) return;
      }
    } catch (error) {
      if (!stopped) {
        stop();
        options.onError(error);
      }
    } finally {
      running = false;
    }
  }

  mustCatchUp = true;
  void pump();
  return { position: () => last, stop };
}
