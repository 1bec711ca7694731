import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOutboundPolicy, type OutboundPolicy } from './outbound-policy.ts';
import { parseRetryAfter, RequestJsonError, requestJson } from './request-json.ts';

const policy: OutboundPolicy = {
  ...defaultOutboundPolicy,
  allowedPrivateHosts: ['127.0.0.1', 'localhost'],
  timeoutMs: 2_000,
  maxBytes: 1024,
};

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

/** Routes by path, so every case states what the server does. */
const routes: Record<string, Handler> = {
  '/echo': (request, body, response) => {
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'x-seen': 'yes' });
    response.end(
      JSON.stringify({ method: request.method, key: request.headers['x-api-key'], body }),
    );
  },
  '/text': (_request, _body, response) => {
    response.writeHead(503, { 'content-type': 'text/plain' });
    response.end('down for maintenance');
  },
  '/broken-json': (_request, _body, response) => {
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end('<html>bad gateway</html>');
  },
  '/huge': (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ filler: 'x'.repeat(4096) }));
  },
  '/huge-chunked': (_request, _body, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    for (let index = 0; index < 8; index++) response.write('x'.repeat(512));
    response.end();
  },
  '/hang': () => {},
  '/reset': (request) => request.socket.destroy(),
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const handler = routes[request.url ?? ''] ?? routes['/echo'];
      handler?.(request, Buffer.concat(chunks).toString('utf8'), response);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

async function failure(promise: Promise<unknown>): Promise<RequestJsonError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RequestJsonError);
  return error as RequestJsonError;
}

describe('requestJson', () => {
  it('sends a JSON body and headers and parses a JSON answer', async () => {
    const response = await requestJson({
      url: `${base}/echo`,
      method: 'POST',
      headers: { 'x-api-key': 'secret' },
      body: { hello: 'world' },
      policy,
    });
    expect(response.status).toBe(201);
    expect(response.headers['x-seen']).toBe('yes');
    expect(response.body).toEqual({ method: 'POST', key: 'secret', body: '{"hello":"world"}' });
  });

  it('resolves any status and keeps a non-JSON or broken JSON answer as text', async () => {
    const text = await requestJson({ url: `${base}/text`, method: 'GET', policy });
    expect(text).toMatchObject({ status: 503, body: 'down for maintenance' });
    const broken = await requestJson({ url: `${base}/broken-json`, method: 'GET', policy });
    expect(broken).toMatchObject({ status: 502, body: '<html>bad gateway</html>' });
  });

  it('caps the answer at maxBytes, declared or streamed', async () => {
    for (const path of ['/huge', '/huge-chunked']) {
      const error = await failure(requestJson({ url: `${base}${path}`, method: 'GET', policy }));
      expect(error).toMatchObject({ phase: 'response', code: 'too_large' });
    }
  });

  it('times out after connecting as a response-phase failure', async () => {
    const error = await failure(
      requestJson({
        url: `${base}/hang`,
        method: 'POST',
        body: {},
        policy: { ...policy, timeoutMs: 150 },
      }),
    );
    expect(error).toMatchObject({ phase: 'response', code: 'timeout' });
    expect(error.message).toContain('0.15 s');
  });

  it('reports a socket reset before any answer as a response-phase failure', async () => {
    const error = await failure(
      requestJson({ url: `${base}/reset`, method: 'POST', body: {}, policy }),
    );
    expect(error).toMatchObject({ phase: 'response', code: 'network' });
  });

  it('reports a refused connection as a connect-phase failure', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const error = await failure(
      requestJson({ url: `http://127.0.0.1:${port}/`, method: 'GET', policy }),
    );
    expect(error).toMatchObject({ phase: 'connect', code: 'network' });
  });

  it('reports an unknown host as a connect-phase failure', async () => {
    const error = await failure(
      requestJson({ url: 'http://no-such-host.invalid/', method: 'GET', policy }),
    );
    expect(error.phase).toBe('connect');
  });

  it('refuses private addresses unless the policy allows them, before connecting', async () => {
    const guarded = { ...policy, allowedPrivateHosts: [] };
    for (const url of [`${base}/echo`, base.replace('127.0.0.1', 'localhost')]) {
      const error = await failure(requestJson({ url, method: 'GET', policy: guarded }));
      expect(error).toMatchObject({ phase: 'connect', code: 'blocked_address' });
    }
    const wildcard = { ...policy, allowedPrivateHosts: ['*'] };
    const viaName = base.replace('127.0.0.1', 'localhost');
    await expect(
      requestJson({ url: `${viaName}/echo`, method: 'GET', policy: wildcard }),
    ).resolves.toMatchObject({ status: 201 });
  });

  it('refuses addresses that are not http(s) and header values node would not send', async () => {
    const ftp = await failure(requestJson({ url: 'ftp://example.com/', method: 'GET', policy }));
    expect(ftp).toMatchObject({ phase: 'connect', code: 'invalid_url' });
    const bad = await failure(
      requestJson({ url: `${base}/echo`, method: 'GET', headers: { 'x-api-key': 'a\nb' }, policy }),
    );
    expect(bad).toMatchObject({ phase: 'connect', code: 'invalid_request' });
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2030-01-01T00:00:00Z');

  it('reads delay-seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(['3', '9'], now)).toBe(3_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined when absent or unreadable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
