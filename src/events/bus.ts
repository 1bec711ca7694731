import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.ts';
import { loadEventsByIds, parseEventNotification } from './event-notification.ts';
import { listenToPostgres } from './postgres-listener.ts';
import { EVENTS_CHANNEL, type StoredEvent } from './types.ts';

export type EventListener = (event: StoredEvent) => void;

/**
 * Live feed of committed events, in every process. Embedded (PGlite: in-process LISTEN) or
 * distributed (PostgreSQL: one LISTEN connection per process); callers never know which.
 * Delivery is best effort: a reader that must not miss an event resumes from the log by id.
 */
export interface EventBus {
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export async function openEventBus(database: Database, log: Logger): Promise<EventBus> {
  const dispatcher = createDispatcher(database.db, log);
  let stopListening: () => Promise<void>;
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite.listen(EVENTS_CHANNEL, dispatcher.dispatch);
    stopListening = () => unlisten();
  } else {
    const listener = await listenToPostgres({
      connectionString: database.connectionString,
      channel: EVENTS_CHANNEL,
      onNotification: dispatcher.dispatch,
      log,
    });
    stopListening = () => listener.close();
  }
  let closing: Promise<void> | null = null;
  return {
    subscribe: dispatcher.subscribe,
    close() {
      closing ??= stopListening().finally(() => dispatcher.close());
      return closing;
    },
  };
}

/**
 * Turns NOTIFY payloads into events for the subscribers. Payloads are handled one after the other
 * so subscribers see events in notification (commit) order even when one had to be loaded.
 */
function createDispatcher(db: Db, log: Logger) {
  const listeners = new Set<EventListener>();
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  function emit(event: StoredEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        log.error({ err: error, eventId: event.id }, 'event bus: a subscriber threw');
      }
    }
  }

  async function handle(payload: string): Promise<void> {
    if (closed) return;
    const notification = parseEventNotification(payload);
    if (notification === null) {
      log.warn({ channel: EVENTS_CHANNEL }, 'event bus: ignored a payload that is not an event');
      return;
    }
    if (notification.kind === 'inline') {
      emit(notification.event);
      return;
    }
    const [event] = await loadEventsByIds(db, [notification.id]);
    if (event !== undefined && !closed) emit(event);
  }

  return {
    dispatch(payload: string): void {
      chain = chain
        .then(() => handle(payload))
        .catch((error: unknown) =>
          log.error({ err: error }, 'event bus: could not deliver an event'),
        );
    },
    subscribe(listener: EventListener): () => void {
      // Wrapped so that subscribing the same function twice yields two independent subscriptions.
      const entry: EventListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    async close(): Promise<void> {
      closed = true;
      listeners.clear();
      await chain;
    },
  };
}
