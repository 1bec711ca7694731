import { afterEach } from 'vitest';
import type { MockCrmOptions } from './options.ts';
import { type RunningMockCrm, startMockCrm } from './server.ts';

export interface MockCrmClient {
  crm: RunningMockCrm;
  /** `fetch` against the mock with the right `X-API-Key` and JSON body, unless told otherwise. */
  call(
    path: string,
    init?: { method?: string; body?: unknown; apiKey?: string | null; signal?: AbortSignal },
  ): Promise<Response>;
  send(body: unknown, signal?: AbortSignal): Promise<Response>;
}

const running: RunningMockCrm[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((crm) => crm.close()));
});

/** A mock CRM on a free port, closed after the current test. */
export async function startForTest(options: MockCrmOptions = {}): Promise<MockCrmClient> {
  const crm = await startMockCrm({ port: 0, ...options });
  running.push(crm);
  const call: MockCrmClient['call'] = (path, init = {}) => {
    const headers: Record<string, string> = {};
    const apiKey = init.apiKey === undefined ? crm.apiKey : init.apiKey;
    if (apiKey !== null) headers['x-api-key'] = apiKey;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${crm.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  };
  return {
    crm,
    call,
    send: (body, signal) => call('/api/v1/email/batch', signal ? { body, signal } : { body }),
  };
}

/** A valid batch body; override what the test is about. */
export function batch(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'March newsletter',
    html: '<p>Hello {{first_name}}</p>',
    text: 'Hello {{first_name}}',
    recipients: [
      { email: 'subscriber001@example.test', merge_vars: { first_name: 'Ada' } },
      { email: 'subscriber002@example.test', merge_vars: { first_name: 'Bruno' } },
    ],
    campaign_id: 'camp_1',
    idempotency_key: `key-${crypto.randomUUID()}`,
    ...overrides,
  };
}
