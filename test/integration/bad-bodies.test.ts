import { randomUUID } from 'node:crypto';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../../src/http/route-table.ts';
import { bearer, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { databaseKinds } from '../helpers/test-database.ts';

/**
 * Every POST/PUT/PATCH route of the route table gets the same corpus of hostile bodies. Each must
 * be answered 4xx problem+json whose `status` matches the HTTP status; never a 5xx, never a 2xx.
 */
interface BadBody {
  name: string;
  payload: string | Buffer;
  contentType: string;
  /** An extra check on the problem, beyond "4xx problem+json". */
  expect?: (problem: Problem, status: number) => string | undefined;
}

interface Problem {
  status?: unknown;
  detail?: unknown;
  errors?: Array<{ field: string; message: string }>;
}

const JSON_TYPE = 'application/json';
const UNKNOWN_FIELD = 'zzNotAFieldOfThisRoute';
const TEN_MB = 10 * 1024 * 1024;
const DEPTH = 50_000;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

function jsonTypes(schema: JsonSchema): Set<string> {
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((branch) => [
    ...jsonTypes(branch),
  ]);
  return new Set([...own, ...branches]);
}

const candidates: Array<[string, unknown]> = [
  ['string', 'not the right type'],
  ['integer', 12345],
  ['boolean', true],
  ['array', ['x']],
  ['object', { zz: 1 }],
];

/** A value of a JSON type the property does not allow (numbers count as integers too). */
function wrongValue(schema: JsonSchema): unknown {
  const types = jsonTypes(schema);
  if (types.has('number')) types.add('integer');
  return (candidates.find(([type]) => !types.has(type)) ?? candidates[0])?.[1];
}

/** `{ field: <wrong type> }` for every property the body schema declares; undefined if none. */
function everyFieldWrong(body: unknown): Record<string, unknown> | undefined {
  if (!(body instanceof z.ZodType)) return undefined;
  const schema = z.toJSONSchema(body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return undefined;
  return Object.fromEntries(properties.map(([name, property]) => [name, wrongValue(property)]));
}

function corpus(route: RouteEntry): BadBody[] {
  const json = (name: string, value: unknown): BadBody => ({
    name,
    payload: JSON.stringify(value),
    contentType: JSON_TYPE,
  });
  const wrongFields = everyFieldWrong(route.body);
  return [
    { name: 'malformed JSON', payload: '{"a":', contentType: JSON_TYPE },
    { name: 'empty body', payload: '', contentType: JSON_TYPE },
    json('an array', []),
    json('a string', 'str'),
    json('a number', 42),
    json('null', null),
    ...(wrongFields ? [json('every field of the wrong type', wrongFields)] : []),
    {
      ...json('an unknown field', { [UNKNOWN_FIELD]: 1 }),
      expect: (problem) =>
        route.body === undefined ||
        problem.errors?.some((error) => error.field === `body.${UNKNOWN_FIELD}`)
          ? undefined
          : `errors[] should name body.${UNKNOWN_FIELD}`,
    },
    {
      name: 'a prototype-poisoning key',
      payload: '{"__proto__":{"admin":true}}',
      contentType: JSON_TYPE,
    },
    {
      name: `an object nested ${DEPTH} deep`,
      payload: `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`,
      contentType: JSON_TYPE,
    },
    {
      name: 'invalid UTF-8',
      payload: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
      contentType: `${JSON_TYPE}; charset=utf-8`,
      expect: (problem) =>
        /UTF-8/i.test(String(problem.detail))
          ? undefined
          : 'the problem should say the body is not valid UTF-8',
    },
    { name: 'text/plain', payload: '{"name":"x"}', contentType: 'text/plain' },
    { name: 'an unsupported media type', payload: '<a/>', contentType: 'application/xml' },
    {
      name: 'a 10 MB body',
      payload: JSON.stringify({ name: 'x'.repeat(TEN_MB) }),
      contentType: JSON_TYPE,
      expect: (_problem, status) => (status === 413 ? undefined : `expected 413, got ${status}`),
    },
  ];
}

/**
 * A value the route's params schema accepts for `name` (a random UUID, or a random slug-like id
 * for routes keyed by name, such as tones), so the body is what gets validated.
 */
function paramValue(route: RouteEntry, name: string): string {
  const candidates = [randomUUID(), `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`];
  const schema = route.paramsSchema;
  if (!(schema instanceof z.ZodType)) return candidates[0] as string;
  return (
    candidates.find((value) => schema.safeParse({ [name]: value }).success) ??
    (candidates[0] as string)
  );
}

const isPublic = (route: RouteEntry) => route.access === undefined || route.access === 'public';

describe.each(databaseKinds)('hostile request bodies on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Hundreds of requests on one key: the rate limiter is tested elsewhere.
    t = await startTestApp(kind, { RATE_LIMIT_PER_MINUTE: '1000000' });
  });
  afterAll(() => t.close());

  it('answers every hostile body to every write route with a 4xx problem', async () => {
    const routes = t.app.routeTable.filter((route) =>
      ['POST', 'PUT', 'PATCH'].includes(route.method),
    );
    expect(routes.length).toBeGreaterThan(0);
    const { adminKey } = await t.createWorkspace();
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_match, name: string) => paramValue(route, name));
      const credentials: Array<[string, Record<string, string>]> = [
        ['admin key', bearer(adminKey)],
        ...(isPublic(route) ? [['no credential', {}] as [string, Record<string, string>]] : []),
      ];
      for (const [who, headers] of credentials) {
        // A route that refuses this credential (401/403) may do so before reading the body, for
        // every body, the 10 MB one included: that same refusal is then a right answer too.
        const probe = await t.app.inject({
          method: route.method as HTTPMethods,
          url,
          headers,
          payload: {},
        });
        const refused = probe.statusCode === 401 || probe.statusCode === 403;
        for (const bad of corpus(route)) {
          const response = await t.app.inject({
            method: route.method as HTTPMethods,
            url,
            headers: { ...headers, 'content-type': bad.contentType },
            payload: bad.payload,
          });
          const label = `${route.method} ${route.url} (${who}) with ${bad.name}`;
          const status = response.statusCode;
          if (status < 400 || status >= 500) {
            const hint =
              route.body === undefined && status < 400
                ? ' (a write route without a body schema accepts any body: declare one)'
                : '';
            failures.push(`${label}: got ${status}${hint} ${response.body.slice(0, 300)}`);
            continue;
          }
          if (!String(response.headers['content-type']).startsWith('application/problem+json')) {
            failures.push(`${label}: content-type ${response.headers['content-type']}`);
            continue;
          }
          let problem: Problem;
          try {
            problem = response.json<Problem>();
          } catch {
            failures.push(`${label}: body is not JSON: ${response.body.slice(0, 300)}`);
            continue;
          }
          if (problem.status !== status)
            failures.push(`${label}: problem.status ${String(problem.status)} ≠ HTTP ${status}`);
          if (refused && status === probe.statusCode) continue;
          const extra = bad.expect?.(problem, status);
          if (extra) failures.push(`${label}: ${extra} (${response.body.slice(0, 300)})`);
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
