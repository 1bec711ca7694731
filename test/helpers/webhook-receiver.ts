import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP endpoint for webhook tests: records what it receives, answers `status`, and can be
 * taken down (port closed: connection refused) and brought back on the same port.
 */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status it answers while up (200 by default). */
  status: number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let server: Server | null = null;
  let port = 0;
  const receiver: WebhookReceiver = {
    url: '',
    received,
    status: 200,
    async down() {
      const current = server;
      server = null;
      if (!current) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async up() {
      if (server) return;
      const next = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
          response.writeHead(receiver.status, { 'content-type': 'application/json' });
          response.end('{"ok":true}');
        });
      });
      await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', () => resolve()));
      port = (next.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${port}/hooks`;
      server = next;
    },
    close() {
      return receiver.down();
    },
  };
  await receiver.up();
  return receiver;
}
