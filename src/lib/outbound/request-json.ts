import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { assertIpLiteralAllowed, createGuardedLookup } from './address-guard.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string> | undefined;
  /** Sent as JSON when given. */
  body?: unknown;
  policy: OutboundPolicy;
}

export interface JsonResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed when the server says it is JSON and it parses; otherwise the text as received. */
  body: unknown;
}

/**
 * `connect`: the request never reached the server (bad URL, DNS, guard refusal, refused or timed
 * out connection), so retrying cannot double anything. `response`: the connection was open and the
 * request may have been acted on (timeout, reset or oversized answer after connecting).
 */
export type RequestPhase = 'connect' | 'response';
export type RequestJsonErrorCode =
  | 'invalid_url'
  | 'invalid_request'
  | 'blocked_address'
  | 'network'
  | 'timeout'
  | 'too_large';

export class RequestJsonError extends Error {
  readonly phase: RequestPhase;
  readonly code: RequestJsonErrorCode;

  constructor(phase: RequestPhase, code: RequestJsonErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'RequestJsonError';
    this.phase = phase;
    this.code = code;
  }
}

/**
 * One JSON request to a user-configured address (a CRM, a CMS), through the SSRF guard, under one
 * deadline for connect, send and the whole answer, and with the answer capped at `policy.maxBytes`.
 * Any HTTP status resolves; only transport failures throw `RequestJsonError`. Redirects are not
 * followed: an API that redirects a POST is misconfigured, and the caller sees the 3xx.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const { policy } = request;
  const url = parseHttpUrl(request.url);
  try {
    assertIpLiteralAllowed(url.hostname, policy);
  } catch (error) {
    throw new RequestJsonError('connect', 'blocked_address', messageOf(error), error);
  }
  const payload =
    request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-encoding': 'identity',
    'user-agent': 'Toombos/0.1',
    ...(payload
      ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
      : {}),
    ...request.headers,
  };
  const secure = url.protocol === 'https:';
  return new Promise<JsonResponse>((resolve, reject) => {
    // Set once the socket (TLS included) is up: from then on the server may act on the request.
    let connected = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const phase = (): RequestPhase => (connected ? 'response' : 'connect');
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing?.destroy();
      outcome();
    };
    const fail = (error: RequestJsonError): void => settle(() => reject(error));

    const send = secure ? httpsRequest : httpRequest;
    let outgoing: ClientRequest | undefined;
    try {
      outgoing = send(
        url,
        // A fresh connection per request: a pooled socket would skip the guarded lookup.
        { method: request.method, headers, agent: false, lookup: createGuardedLookup(policy) },
        (response) => {
          readBody(response, policy.maxBytes, url, {
            done: (body) => settle(() => resolve(toJsonResponse(response, body))),
            fail,
          });
        },
      );
    } catch (error) {
      // Node refuses bad header values (a key with a line break) before opening anything.
      fail(new RequestJsonError('connect', 'invalid_request', messageOf(error), error));
      return;
    }
    timer = setTimeout(() => {
      const seconds = policy.timeoutMs / 1000;
      fail(
        new RequestJsonError(phase(), 'timeout', `${url.host} did not answer within ${seconds} s.`),
      );
    }, policy.timeoutMs);
    outgoing.on('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        connected = true;
      });
    });
    outgoing.on('error', (error) => fail(transportError(error, phase(), url)));
    outgoing.end(payload);
  });
}

function readBody(
  response: IncomingMessage,
  maxBytes: number,
  url: URL,
  handlers: { done: (body: Buffer) => void; fail: (error: RequestJsonError) => void },
): void {
  const tooLarge = () =>
    new RequestJsonError(
      'response',
      'too_large',
      `${url.host} answered more than ${maxBytes} bytes.`,
    );
  if (Number(response.headers['content-length']) > maxBytes) {
    handlers.fail(tooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) handlers.fail(tooLarge());
    else chunks.push(chunk);
  });
  response.on('end', () => handlers.done(Buffer.concat(chunks, received)));
  response.on('error', (error) => handlers.fail(transportError(error, 'response', url)));
  // After 'end' this is a no-op (already settled); before it, the answer was cut short.
  response.on('close', () =>
    handlers.fail(
      new RequestJsonError('response', 'network', `${url.host} closed the connection mid-answer.`),
    ),
  );
}

function toJsonResponse(response: IncomingMessage, raw: Buffer): JsonResponse {
  const text = raw.toString('utf8');
  const mediaType = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const isJson = mediaType === 'application/json' || mediaType?.endsWith('+json') === true;
  let body: unknown = text;
  if (isJson && text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      // A broken JSON answer stays text: the caller judges it by its status.
    }
  }
  return { status: response.statusCode ?? 0, headers: response.headers, body };
}

function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new RequestJsonError('connect', 'invalid_url', 'This is not a valid web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RequestJsonError(
      'connect',
      'invalid_url',
      `Only http(s) addresses, not ${url.protocol}`,
    );
  return url;
}

function transportError(error: Error, phase: RequestPhase, url: URL): RequestJsonError {
  // The guarded lookup refuses private addresses with an error carrying this code.
  if ('code' in error && error.code === 'blocked_address')
    return new RequestJsonError('connect', 'blocked_address', error.message, error);
  return new RequestJsonError(
    phase,
    'network',
    `Could not reach ${url.host}: ${error.message}`,
    error,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable, so the caller picks its own default.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: Date,
): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP date form starts with the day name; Date.parse alone would read '-5' as a year.
  const at = /^[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
