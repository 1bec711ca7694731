import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { NodeHtmlMarkdown } from 'node-html-markdown';
import { assertIpLiteralAllowed, createGuardedLookup } from '../../lib/outbound/address-guard.ts';
import type { OutboundPolicy } from '../../lib/outbound/outbound-policy.ts';
import { SourceReadError } from '../source-read-error.ts';

export interface FetchedDocument {
  text: string;
  format: 'markdown' | 'text' | 'json' | 'html';
  contentType: string;
  finalUrl: string;
  bytes: number;
}

const requestHeaders = {
  accept: 'text/markdown, text/plain;q=0.9, application/json;q=0.9, text/html;q=0.8, */*;q=0.1',
  'user-agent': 'Toombos/0.1 (+living-document sync)',
  'accept-encoding': 'identity',
};

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const sniffBytes = 8 * 1024;

const binaryMediaTypes = new Set([
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-bzip2',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/wasm',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
]);
const binaryMediaPrefixes = [
  'image/',
  'audio/',
  'video/',
  'font/',
  'application/vnd.openxmlformats-officedocument.',
  'application/vnd.oasis.opendocument.',
];

// The parser already drops script, style and noscript content; listing them keeps that explicit.
const htmlToMarkdown = new NodeHtmlMarkdown({ ignore: ['script', 'style', 'noscript', 'iframe'] });

type Hop =
  | { kind: 'redirect'; location: string }
  | { kind: 'body'; body: Buffer; contentType: string };

/**
 * Downloads the living document at `url` for a sync. Every connection, redirects included, goes
 * through the SSRF guard; one deadline, a size cap and a binary check keep a hostile or broken
 * server from hanging or flooding the worker. HTML is converted to Markdown. Failures are thrown
 * as `SourceReadError` with a message for the document owner.
 */
export async function fetchDocument(url: string, policy: OutboundPolicy): Promise<FetchedDocument> {
  let current = parseSourceUrl(url);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await requestOnce(current, policy, deadline.signal);
      if (hop.kind === 'body') return toDocument(hop.body, hop.contentType, current);
      if (redirects >= policy.maxRedirects) {
        throw new SourceReadError(
          'too_many_redirects',
          `${displayUrl(url)} redirected more than ${policy.maxRedirects} times; stopped at ${displayUrl(current.href)}.`,
        );
      }
      current = parseRedirect(hop.location, current);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** One GET without following redirects, bound to the overall deadline. */
function requestOnce(url: URL, policy: OutboundPolicy, deadline: AbortSignal): Promise<Hop> {
  assertIpLiteralAllowed(url.hostname, policy);
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    let request: ClientRequest | undefined;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onDeadline);
      request?.destroy();
      outcome();
    };
    const fail = (error: SourceReadError): void => settle(() => reject(error));
    const onDeadline = (): void => fail(timeoutError(url, policy));
    if (deadline.aborted) {
      onDeadline();
      return;
    }
    deadline.addEventListener('abort', onDeadline, { once: true });

    const options: RequestOptions = {
      method: 'GET',
      headers: requestHeaders,
      // A fresh connection per request: a pooled socket would skip the guarded lookup.
      agent: false,
      lookup: createGuardedLookup(policy),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    request = send(url, options, (response) => {
      readResponse(response, url, policy, {
        redirect: (location) => settle(() => resolve({ kind: 'redirect', location })),
        body: (body, contentType) => settle(() => resolve({ kind: 'body', body, contentType })),
        fail,
      });
    });
    request.on('error', (error) => fail(toSourceReadError(error, url)));
    request.end();
  });
}

interface ResponseHandlers {
  redirect: (location: string) => void;
  body: (body: Buffer, contentType: string) => void;
  fail: (error: SourceReadError) => void;
}

function readResponse(
  response: IncomingMessage,
  url: URL,
  policy: OutboundPolicy,
  handlers: ResponseHandlers,
): void {
  const status = response.statusCode ?? 0;
  const where = displayUrl(url.href);
  if (redirectStatuses.has(status)) {
    const location = response.headers.location;
    if (location) handlers.redirect(location);
    else handlers.fail(statusError(response, where, ' without saying where the document moved'));
    return;
  }
  if (status < 200 || status > 299) {
    handlers.fail(statusError(response, where, ''));
    return;
  }
  const contentType = response.headers['content-type'] ?? '';
  if (isBinaryMediaType(mediaTypeOf(contentType))) {
    handlers.fail(binaryError(where, `it is served as ${mediaTypeOf(contentType)}`));
    return;
  }
  const declaredLength = Number(response.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > policy.maxBytes) {
    handlers.fail(tooLargeError(where, policy));
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > policy.maxBytes) handlers.fail(tooLargeError(where, policy));
    else chunks.push(chunk);
  });
  response.on('end', () => handlers.body(Buffer.concat(chunks, received), contentType));
  response.on('error', (error) => handlers.fail(toSourceReadError(error, url)));
  // Fires after 'end' on success (already settled); otherwise the connection dropped mid-body.
  response.on('close', () =>
    handlers.fail(
      new SourceReadError(
        'network',
        `The connection to ${url.host} closed before the whole document arrived.`,
      ),
    ),
  );
}

function toDocument(body: Buffer, contentType: string, url: URL): FetchedDocument {
  const where = displayUrl(url.href);
  const decoded = decodeText(body, where);
  const format = formatOf(mediaTypeOf(contentType), url);
  const text = format === 'html' ? htmlToMarkdown.translate(decoded) : decoded;
  if (text.trim() === '') {
    throw new SourceReadError('empty', `The document at ${where} is empty.`);
  }
  return { text, format, contentType, finalUrl: url.href, bytes: body.length };
}

/** UTF-8 unless a byte order mark says UTF-16; refuses anything that is not valid text. */
function decodeText(body: Buffer, where: string): string {
  if (body.length === 0) throw new SourceReadError('empty', `The document at ${where} is empty.`);
  const utf16 = utf16Encoding(body);
  if (!utf16 && body.subarray(0, sniffBytes).includes(0)) {
    throw binaryError(where, 'it contains binary data');
  }
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(body);
  } catch {
    throw binaryError(where, 'it is not valid UTF-8 text');
  }
}

function utf16Encoding(body: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function formatOf(mediaType: string, url: URL): FetchedDocument['format'] {
  if (mediaType === 'text/markdown' || mediaType === 'text/x-markdown') return 'markdown';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  const plain = mediaType === 'text/plain' || mediaType === '';
  if (plain && /\.(md|markdown)$/i.test(url.pathname)) return 'markdown';
  return 'text';
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function isBinaryMediaType(mediaType: string): boolean {
  return (
    binaryMediaTypes.has(mediaType) ||
    binaryMediaPrefixes.some((prefix) => mediaType.startsWith(prefix))
  );
}

function parseSourceUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SourceReadError('invalid_url', 'This is not a valid web address.');
  }
  assertWebProtocol(url);
  return url;
}

function parseRedirect(location: string, from: URL): URL {
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    throw new SourceReadError(
      'invalid_url',
      `${displayUrl(from.href)} redirected to an address that is not valid.`,
    );
  }
  assertWebProtocol(url);
  return url;
}

function assertWebProtocol(url: URL): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  throw new SourceReadError(
    'invalid_url',
    `Only http:// and https:// addresses can be synced, not ${url.protocol}// addresses.`,
  );
}

/** The URL without `user:password@`, safe to show and store. */
function displayUrl(href: string): string {
  try {
    const url = new URL(href);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return '(invalid address)';
  }
}

function toSourceReadError(error: Error, url: URL): SourceReadError {
  if (error instanceof SourceReadError) return error;
  return new SourceReadError('network', `Could not reach ${url.host}: ${error.message}`);
}

function statusError(response: IncomingMessage, where: string, detail: string): SourceReadError {
  const status = `${response.statusCode ?? 0} ${response.statusMessage ?? ''}`.trim();
  return new SourceReadError('http_status', `The server answered ${status} for ${where}${detail}.`);
}

function timeoutError(url: URL, policy: OutboundPolicy): SourceReadError {
  return new SourceReadError(
    'timeout',
    `${displayUrl(url.href)} did not send the whole document within ${policy.timeoutMs / 1000} seconds.`,
  );
}

function tooLargeError(where: string, policy: OutboundPolicy): SourceReadError {
  const megabytes = Number((policy.maxBytes / (1024 * 1024)).toFixed(2));
  return new SourceReadError(
    'too_large',
    `The document at ${where} is larger than the ${megabytes} MB limit.`,
  );
}

function binaryError(where: string, reason: string): SourceReadError {
  return new SourceReadError(
    'binary',
    `The document at ${where} is not text (${reason}). Publish it as Markdown, plain text or a web page.`,
  );
}
