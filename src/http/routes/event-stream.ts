import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { publicUrl } from '../../config.ts';
import { AppError } from '../../lib/errors.ts';
import { hasScope } from '../../services/auth/role-scopes.ts';
import {
  eventIdSchema,
  type TypeFilter,
  typeFilterSchema,
} from '../../services/events/event-query.ts';
import { openEventStream, STREAM_CLOSE } from '../../services/events/event-stream.ts';
import type { ApiKeyAuth } from '../auth/api-key-auth.ts';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { App, Principal } from '../fastify-types.ts';
import { problemResponses } from '../problem-schema.ts';

/** What the stream's clients can observe of the server, for operators and tests. */
export interface EventStreamStats {
  open: number;
  /** The most bytes ever queued for one client (bounded by the cap plus one message). */
  peakBufferedBytes: number;
  /** Clients cut off for reading too slowly. */
  slowConsumersClosed: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    eventStreamStats: EventStreamStats;
  }
}

const authMessage = z.object({ kind: z.literal('auth'), apiKey: z.string().min(1).max(500) });

/** How long a closing socket may take to finish the close handshake before it is dropped. */
const CLOSE_GRACE_MS = 5_000;

/**
 * WebSocket `/v1/events/stream` (docs/events.md): a projection of the event log, never a second
 * API. Authenticated like every route (API key header, session cookie) or by a first `auth`
 * message; a bad credential closes with 1008.
 */
export function eventStreamRoutes(app: App, { authenticateKey }: { authenticateKey: ApiKeyAuth }) {
  const stats: EventStreamStats = { open: 0, peakBufferedBytes: 0, slowConsumersClosed: 0 };
  app.decorate('eventStreamStats', stats);
  const { config } = app.deps;
  const allowedOrigins = new Set([new URL(publicUrl(config)).origin, ...config.CORS_ORIGINS]);

  app.route({
    method: 'GET',
    url: '/v1/events/stream',
    // Authentication happens in the handler so that a bad credential is a WebSocket close
    // (1008), as clients expect, rather than an HTTP 401 they cannot read in a browser.
    config: { access: 'public' },
    schema: {
      tags: ['events'],
      summary: 'WebSocket: the workspace events, live, with replay of missed ones',
      description:
        'Upgrade to a WebSocket. Credential: `Authorization: Bearer <key>` or `X-API-Key` on the upgrade request, the dashboard session cookie, or a first message `{"kind":"auth","apiKey":"…"}`; the `read` scope is needed; a missing or bad credential closes with 1008. `since=<event id>` replays the events after it, then `{"kind":"caught_up","lastEventId":"…"}`, then live events, without gaps or duplicates; without `since` the stream starts at the current position. `type` filters like GET /v1/events. Messages: `{"kind":"event","event":Event}`, `{"kind":"heartbeat","at":"…"}` (and WebSocket pings; a client answering neither is dropped). A client that does not read is closed with 1013 and a reason naming the id to resume from. See docs/events.md.',
      querystring: z.strictObject({
        since: eventIdSchema.optional(),
        type: typeFilterSchema.optional(),
      }),
      response: problemResponses,
    },
    // A plain GET (no Upgrade header) is a client mistake, answered as such.
    handler: async () => {
      throw new AppError(
        'validation',
        'This is a WebSocket endpoint: connect with an Upgrade: websocket request.',
      );
    },
    // (`wsHandler` rather than `websocket: true`, which would hide the route from the OpenAPI document.)
    wsHandler: (socket, request) => {
      const query = request.query as { since?: number; type?: TypeFilter };
      // Listened to at once: a client may send its auth message before authentication runs.
      const firstMessage = nextMessage(socket, config.EVENTS_STREAM_AUTH_TIMEOUT_MS);
      let closed = false;
      let graceTimer: NodeJS.Timeout | undefined;
      const close = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        socket.close(code, reason.slice(0, 120));
        graceTimer = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
        graceTimer.unref();
      };
      socket.on('close', () => {
        closed = true;
        if (graceTimer) clearTimeout(graceTimer);
      });

      void (async () => {
        const principal = await authenticate(request, firstMessage).catch(() => null);
        if (principal === null) return close(STREAM_CLOSE.POLICY, 'invalid or missing credential');
        if (principal.session && !originAllowed(request, allowedOrigins))
          return close(STREAM_CLOSE.POLICY, 'cookie credential from a foreign origin');
        if (!hasScope(principal.actor.scopes, 'read'))
          return close(STREAM_CLOSE.POLICY, 'the credential lacks the read scope');
        if (closed) return;
        serve(socket, principal.workspaceId, query, close);
      })();
    },
  });

  async function authenticate(
    request: FastifyRequest,
    firstMessage: Promise<string | null>,
  ): Promise<Principal | null> {
    const fromRequest = await authenticateRequest(
      { db: app.deps.database.db, authenticateKey },
      request,
    );
    if (fromRequest) return fromRequest;
    const text = await firstMessage;
    if (text === null) return null;
    let parsed: z.infer<typeof authMessage>;
    try {
      parsed = authMessage.parse(JSON.parse(text));
    } catch {
      return null;
    }
    const key = await authenticateKey(parsed.apiKey);
    return {
      workspaceId: key.workspaceId,
      actor: { kind: 'api_key', id: key.id, scopes: key.scopes },
      rateLimitPerMinute: key.rateLimitPerMinute,
    };
  }

  function serve(
    socket: WebSocket,
    workspaceId: string,
    query: { since?: number; type?: TypeFilter },
    close: (code: number, reason: string) => void,
  ): void {
    stats.open += 1;
    const maxBufferedBytes = config.EVENTS_STREAM_MAX_BUFFER_BYTES;
    const bufferedBytes = () => {
      const bytes = socket.bufferedAmount;
      if (bytes > stats.peakBufferedBytes) stats.peakBufferedBytes = bytes;
      return bytes;
    };
    const stream = openEventStream(
      {
        send: (message) => {
          if (socket.readyState === socket.OPEN) socket.send(message);
        },
        bufferedBytes,
        close: (code, reason) => {
          if (code === STREAM_CLOSE.SLOW_CONSUMER) stats.slowConsumersClosed += 1;
          close(code, reason);
        },
      },
      {
        db: app.deps.database.db,
        bus: app.deps.bus,
        workspaceId,
        types: query.type,
        since: query.since,
        maxBufferedBytes,
        onError: (error) => {
          app.log.error({ err: error }, 'event stream failed');
          close(STREAM_CLOSE.INTERNAL, 'internal error; reconnect with since');
        },
      },
    );
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    socket.on('message', () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      if (socket.readyState !== socket.OPEN) return;
      socket.ping();
      socket.send(JSON.stringify({ kind: 'heartbeat', at: new Date().toISOString() }));
      if (bufferedBytes() > maxBufferedBytes) {
        stream.stop();
        stats.slowConsumersClosed += 1;
        close(
          STREAM_CLOSE.SLOW_CONSUMER,
          `slow consumer; reconnect with since=${stream.position()}`,
        );
      }
    }, config.EVENTS_STREAM_HEARTBEAT_MS);
    heartbeat.unref();
    socket.on('close', () => {
      stats.open -= 1;
      clearInterval(heartbeat);
      stream.stop();
    });
  }
}

/** Resolves with the first message (text), or null if the socket closes or the time runs out. */
function nextMessage(socket: WebSocket, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), timeoutMs);
    timer.unref();
    const onMessage = (data: unknown) => done(String(data));
    const onClose = () => done(null);
    function done(value: string | null) {
      clearTimeout(timer);
      socket.off('message', onMessage);
      socket.off('close', onClose);
      resolve(value);
    }
    socket.on('message', onMessage);
    socket.on('close', onClose);
  });
}

/**
 * Browsers send cookies with cross-site WebSocket upgrades (no CORS applies), so a cookie
 * credential counts only from our own page or a configured CORS origin. Non-browser clients send
 * no Origin.
 */
function originAllowed(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  return origin === undefined || allowed.has(origin);
}
