import WebSocket from 'ws';
import type { TestApp } from './test-app.ts';
import { waitUntil } from './wait-until.ts';

export interface StreamMessage {
  kind: string;
  event?: { id: string; type: string; data: Record<string, unknown>; subjectId: string | null };
  lastEventId?: string;
  at?: string;
}

export interface StreamClient {
  socket: WebSocket;
  messages: StreamMessage[];
  /** Event ids received, in order. */
  ids(): number[];
  closed: Promise<{ code: number; reason: string }>;
  waitForEvents(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts listening on a local port (once) and returns the ws:// base of the app. */
export async function wsBase(t: TestApp): Promise<string> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return `ws://127.0.0.1:${address.port}`;
}

/** A real WebSocket client of `/v1/events/stream`, recording every message. */
export async function connectStream(
  t: TestApp,
  query: string,
  options: { headers?: Record<string, string>; authMessage?: string; autoPong?: boolean } = {},
): Promise<StreamClient> {
  const socket = new WebSocket(`${await wsBase(t)}/v1/events/stream${query}`, {
    headers: options.headers ?? {},
    autoPong: options.autoPong ?? true,
  });
  const messages: StreamMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused: HTTP ${response.statusCode}`)),
    );
    socket.once('close', () => resolve());
  });
  if (options.authMessage !== undefined && socket.readyState === WebSocket.OPEN)
    socket.send(options.authMessage);
  const ids = () =>
    messages.flatMap((message) => (message.event ? [Number(message.event.id)] : []));
  return {
    socket,
    messages,
    ids,
    closed,
    async waitForEvents(count) {
      await waitUntil(() => ids().length >= count, { what: `${count} events on the stream` });
    },
    async close() {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
        socket.close();
      await closed;
    },
  };
}
