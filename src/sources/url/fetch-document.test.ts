import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultOutboundPolicy, type OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import { SourceReadError } from '../source-read-error.ts';
import { fetchDocument } from './fetch-document.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
let server: Server;
let origin: string;
let port: number;

const localPolicy: OutboundPolicy = {
  ...defaultOutboundPolicy,
  allowedPrivateHosts: ['127.0.0.1', 'localhost'],
};
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  return `${origin}${path}`;
}

function send(status: number, contentType: string, body: string | Buffer): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  };
}

function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

async function readError(promise: Promise<unknown>): Promise<SourceReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceReadError) return error;
    throw error;
  }
  throw new Error('Expected fetchDocument to fail');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://test').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler) handler(request, response);
    else send(404, 'text/plain', 'not here')(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  routes.clear();
  hits.clear();
});

describe('fetchDocument', () => {
  it('returns served Markdown with the request headers a living-document sync sends', async () => {
    let seen: IncomingMessage['headers'] = {};
    const url = route('/doc.md', (request, response) => {
      seen = request.headers;
      send(200, 'text/markdown; charset=utf-8', '# Team notes\n\nHello')(request, response);
    });
    const document = await fetchDocument(url, localPolicy);
    expect(document).toEqual({
      text: '# Team notes\n\nHello',
      format: 'markdown',
      contentType: 'text/markdown; charset=utf-8',
      finalUrl: url,
      bytes: 19,
    });
    expect(seen.accept).toBe(
      'text/markdown, text/plain;q=0.9, application/json;q=0.9, text/html;q=0.8, */*;q=0.1',
    );
    expect(seen['user-agent']).toBe('Toombos/0.1 (+living-document sync)');
    expect(seen['accept-encoding']).toBe('identity');
  });

  it('treats a .md URL served as text/plain as Markdown and other plain text as text', async () => {
    const markdown = route('/notes.md', send(200, 'text/plain', '# Notes'));
    const plain = route('/notes.txt', send(200, 'text/plain', 'just text'));
    expect((await fetchDocument(markdown, localPolicy)).format).toBe('markdown');
    expect((await fetchDocument(plain, localPolicy)).format).toBe('text');
  });

  it('converts HTML to Markdown, keeping headings and links and dropping scripts', async () => {
    const html = `<!doctype html><html><head><title>T</title><style>body{color:red}</style>
      <script>window.secretScript = 1</script></head><body>
      <h1>Roadmap</h1><p>See <a href="https://example.com/plan">the plan</a>.</p>
      <noscript>enable javascript</noscript><iframe src="https://ads.example">frame text</iframe>
      <script type="module">alert("hi")</script></body></html>`;
    const document = await fetchDocument(
      route('/page', send(200, 'text/html; charset=utf-8', html)),
      localPolicy,
    );
    expect(document.format).toBe('html');
    expect(document.text).toContain('# Roadmap');
    expect(document.text).toContain('[the plan](https://example.com/plan)');
    for (const hidden of [
      'secretScript',
      'alert',
      'color:red',
      'enable javascript',
      'frame text',
    ]) {
      expect(document.text).not.toContain(hidden);
    }
  });

  it('returns JSON as text with format json', async () => {
    const body = JSON.stringify({ title: 'Plan', items: [1, 2] });
    const document = await fetchDocument(
      route('/data', send(200, 'application/vnd.api+json', body)),
      localPolicy,
    );
    expect(document).toMatchObject({ format: 'json', text: body });
  });

  it('decodes UTF-8 with a byte order mark and UTF-16 announced by one', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße', 'utf8')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße', 'utf16le')]);
    expect(
      (await fetchDocument(route('/bom', send(200, 'text/plain', bom)), localPolicy)).text,
    ).toBe('Grüße');
    expect(
      (await fetchDocument(route('/utf16', send(200, 'text/plain', utf16)), localPolicy)).text,
    ).toBe('Grüße');
  });

  it('reports a 404 with the status and the address', async () => {
    const error = await readError(fetchDocument(`${origin}/missing`, localPolicy));
    expect(error.code).toBe('http_status');
    expect(error.message).toBe(`The server answered 404 Not Found for ${origin}/missing.`);
  });

  it('gives up on a server that never answers once the deadline passes', async () => {
    const url = route('/slow', () => {});
    const started = Date.now();
    const error = await readError(fetchDocument(url, { ...localPolicy, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts the body against the same deadline', async () => {
    const url = route('/trickle', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first part');
    });
    const error = await readError(fetchDocument(url, { ...localPolicy, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
  });

  it('stops reading a chunked body as soon as it passes the size cap', async () => {
    const cap = 64 * 1024;
    let written = 0;
    const url = route('/big-chunked', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(16 * 1024);
      const pump = (): void => {
        // Keeps writing until the client hangs up, so only the cap can end the download.
        while (!response.destroyed && written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    const error = await readError(fetchDocument(url, { ...localPolicy, maxBytes: cap }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('0.06 MB');
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses early when Content-Length is over the cap', async () => {
    const body = 'y'.repeat(100 * 1024);
    const url = route('/big-declared', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
      response.end(body);
    });
    const error = await readError(fetchDocument(url, { ...localPolicy, maxBytes: 64 * 1024 }));
    expect(error.code).toBe('too_large');
  });

  it('names the default cap in whole megabytes', async () => {
    const url = route('/huge', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 6 * 1024 * 1024 });
      response.end();
    });
    const error = await readError(fetchDocument(url, localPolicy));
    expect(error.message).toContain('5 MB limit');
  });

  it('refuses images, NUL bytes and invalid UTF-8 as binary', async () => {
    const cases = [
      route('/image', send(200, 'image/png', pngBytes)),
      route('/png-as-text', send(200, 'text/plain', pngBytes)),
      route('/nul', send(200, 'text/markdown', Buffer.from('hello\0world'))),
      route('/latin1', send(200, 'text/plain', Buffer.from([0x63, 0x61, 0x66, 0xe9]))),
      route('/pdf', send(200, 'application/pdf', '%PDF-1.7')),
    ];
    for (const url of cases) {
      expect((await readError(fetchDocument(url, localPolicy))).code).toBe('binary');
    }
  });

  it('refuses an empty body', async () => {
    const error = await readError(
      fetchDocument(route('/empty', send(200, 'text/plain', '')), localPolicy),
    );
    expect(error.code).toBe('empty');
  });

  it('follows a redirect chain, resolving relative locations', async () => {
    route('/a', redirect('/b', 301));
    route('/b', redirect(`${origin}/c`, 307));
    route('/c', redirect('d.md', 308));
    const final = route('/d.md', send(200, 'text/plain', '# Landed'));
    const document = await fetchDocument(`${origin}/a`, localPolicy);
    expect(document).toMatchObject({ text: '# Landed', format: 'markdown', finalUrl: final });
  });

  it('stops after maxRedirects', async () => {
    route('/loop', redirect('/loop'));
    const error = await readError(
      fetchDocument(`${origin}/loop`, { ...localPolicy, maxRedirects: 3 }),
    );
    expect(error.code).toBe('too_many_redirects');
    expect(hits.get('/loop')).toBe(4);
  });

  it('refuses a redirect to a non-web scheme', async () => {
    route('/to-file', redirect('file:///etc/passwd'));
    const error = await readError(fetchDocument(`${origin}/to-file`, localPolicy));
    expect(error.code).toBe('invalid_url');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await readError(fetchDocument(`http://127.0.0.1:${closedPort}/`, localPolicy));
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('rejects addresses that are not http or https', async () => {
    expect((await readError(fetchDocument('ftp://example.com/doc.md', localPolicy))).code).toBe(
      'invalid_url',
    );
    expect((await readError(fetchDocument('not a url', localPolicy))).code).toBe('invalid_url');
  });

  it('never echoes credentials from the address', async () => {
    const url = `http://someone:pw-s3cret@127.0.0.1:${port}/missing`;
    const error = await readError(fetchDocument(url, localPolicy));
    expect(error.code).toBe('http_status');
    expect(error.message).not.toContain('pw');
    expect(error.message).not.toContain('someone');
    const blocked = await readError(fetchDocument(url, defaultOutboundPolicy));
    expect(blocked.message).not.toContain('pw');
  });

  describe('with the address guard on', () => {
    it('blocks a redirect from an allowed host to a private address without requesting it', async () => {
      route('/doc', redirect(`http://127.0.0.1:${port}/secret`));
      route('/secret', send(200, 'text/plain', 'internal'));
      const policy = { ...defaultOutboundPolicy, allowedPrivateHosts: ['localhost'] };
      const error = await readError(fetchDocument(`http://localhost:${port}/doc`, policy));
      expect(error.code).toBe('blocked_address');
      expect(hits.get('/doc')).toBe(1);
      expect(hits.get('/secret')).toBeUndefined();
    });

    it('blocks a private IP literal before any request is made', async () => {
      route('/', send(200, 'text/plain', 'internal'));
      const error = await readError(fetchDocument(`${origin}/`, defaultOutboundPolicy));
      expect(error.code).toBe('blocked_address');
      expect(hits.size).toBe(0);
    });

    it('blocks a host name that resolves to loopback', async () => {
      route('/doc', send(200, 'text/plain', 'internal'));
      const error = await readError(
        fetchDocument(`http://localhost:${port}/doc`, defaultOutboundPolicy),
      );
      expect(error.code).toBe('blocked_address');
      expect(hits.size).toBe(0);
    });
  });
});
