import pg from 'pg';
import type { Logger } from 'pino';

export interface PostgresListener {
  close(): Promise<void>;
}

export interface PostgresListenerOptions {
  connectionString: string;
  channel: string;
  onNotification(payload: string): void;
  log: Logger;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
// A LISTEN connection only reads, so a half-open TCP connection (server gone without a FIN) would
// look healthy forever; a periodic round trip finds it.
const HEALTH_CHECK_MS = 15_000;
const HEALTH_CHECK_TIMEOUT_MS = 5_000;

/**
 * LISTEN on one dedicated connection (a pooled one would be handed back and lose the subscription),
 * reconnecting with jittered exponential backoff when the server restarts or the connection drops.
 * The first connection must succeed (a process should not start blind); later losses are logged,
 * never thrown. Notifications sent while disconnected are lost: readers needing completeness
 * resume from the event log by id.
 */
export async function listenToPostgres(
  options: PostgresListenerOptions,
): Promise<PostgresListener> {
  const { connectionString, channel, onNotification, log } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const next = new pg.Client({
      connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // The pid lets an operator (or a test) find this process's listener in pg_stat_activity.
      application_name: `toombos-events:${process.pid}`,
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'event bus: LISTEN connection failed');
      drop(next);
    });
    next.on('end', () => drop(next));
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) {
        onNotification(message.payload);
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  }

  function drop(which: pg.Client): void {
    if (client !== which) return;
    client = null;
    which.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer !== null) return;
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
    const delay = ceiling / 2 + (Math.random() * ceiling) / 2;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          log.info({ attempts: failures }, 'event bus: LISTEN connection restored');
          failures = 0;
        },
        (error: unknown) => {
          log.warn({ err: error, attempts: failures }, 'event bus: reconnect failed, retrying');
          scheduleReconnect();
        },
      );
    }, delay);
  }

  const healthTimer = setInterval(() => {
    const current = client;
    if (current === null) return;
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(
        () => reject(new Error('health check timed out')),
        HEALTH_CHECK_TIMEOUT_MS,
      ).unref();
    });
    Promise.race([current.query('select 1'), timeout]).catch((error: unknown) => {
      log.warn({ err: error }, 'event bus: LISTEN connection unhealthy, reconnecting');
      drop(current);
    });
  }, HEALTH_CHECK_MS);
  healthTimer.unref();

  try {
    await connect();
  } catch (error) {
    clearInterval(healthTimer);
    throw error;
  }
  return {
    async close() {
      closed = true;
      clearInterval(healthTimer);
      if (retryTimer !== null) clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
