import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bearer, type TestApp } from './test-app.ts';

// Every setup and login runs scrypt (~0.3 s): each test hashes as few passwords as it can.
export const PASSWORD = 'correct horse battery staple';

export interface SessionBody {
  csrfToken: string;
  role: string;
  scopes: string[];
  member: { id: string; email: string; status: string };
  workspace: { id: string; slug: string; name: string };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  body: SessionBody;
}

export function sessionCookie(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((c) => c.name === 'toombos_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return cookie;
}

export async function setup(
  t: TestApp,
  token: string,
  extra: Record<string, string> = {},
): Promise<SignedIn> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/setup',
    payload: { token, password: PASSWORD, ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<SessionBody>();
  return { cookie: sessionCookie(response).value, csrf: body.csrfToken, body };
}

export async function invite(
  t: TestApp,
  adminKey: string,
  role: string,
  email = `m-${randomUUID()}@example.test`,
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/members',
    headers: bearer(adminKey),
    payload: { email, name: 'Invited', role },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; setupToken: string; setupUrl: string; status: string }>();
}

export function asMember(
  t: TestApp,
  who: SignedIn,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  csrf = true,
) {
  return t.app.inject({
    method,
    url,
    cookies: { toombos_session: who.cookie },
    headers: csrf ? { 'x-csrf-token': who.csrf } : {},
    ...(payload && { payload }),
  });
}
