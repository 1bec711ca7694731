import { onTestFinished } from 'vitest';
import type { MockPlatformOptions } from './options.ts';
import { type RunningMockPlatform, startMockPlatform } from './server.ts';

/** Starts a mock Platform on a free port and closes it after the test. */
export async function startForTest(options: MockPlatformOptions = {}): Promise<{
  platform: RunningMockPlatform;
  call: (path: string, init?: RequestInit) => Promise<Response>;
}> {
  const platform = await startMockPlatform({ port: 0, ...options });
  onTestFinished(() => platform.close());
  const call = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('x-api-key')) headers.set('x-api-key', platform.apiKey);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${platform.url}${path}`, { ...init, headers });
  };
  return { platform, call };
}

/** A valid create body; override fields per test. */
export function postBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    title: 'Hello world',
    content_html: '<p>Hello</p>',
    content_markdown: 'Hello',
    excerpt: 'Hello',
    slug: 'hello-world',
    type: 'post',
    status: 'published',
    tags: ['news'],
    seo: { title: 'Hello', description: 'A greeting' },
    ...overrides,
  });
}
