import { describe, expect, it } from 'vitest';
import { postBody, startForTest } from './testing.ts';

describe('mock Platform content', () => {
  it('creates, reads, patches and deletes a post', async () => {
    const { platform, call } = await startForTest();
    const created = await call('/api/v1/content', { method: 'POST', body: postBody() });
    expect(created.status).toBe(201);
    const answer = (await created.json()) as { id: string; url: string; status: string };
    expect(answer).toEqual({
      id: expect.any(String),
      url: `${platform.url}/posts/hello-world`,
      status: 'published',
    });

    const read = await call(`/api/v1/content/${answer.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      id: answer.id,
      title: 'Hello world',
      content_html: '<p>Hello</p>',
      tags: ['news'],
      seo: { title: 'Hello', description: 'A greeting' },
      scheduled_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });

    const patched = await call(`/api/v1/content/${answer.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Hello again', slug: 'hello-again' }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      title: 'Hello again',
      slug: 'hello-again',
      url: `${platform.url}/posts/hello-again`,
      content_html: '<p>Hello</p>',
    });

    const deleted = await call(`/api/v1/content/${answer.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await call(`/api/v1/content/${answer.id}`)).status).toBe(404);
    expect((await call(`/api/v1/content/${answer.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a slug that is already taken, on create and on patch', async () => {
    const { call } = await startForTest();
    await call('/api/v1/content', { method: 'POST', body: postBody() });
    const again = await call('/api/v1/content', { method: 'POST', body: postBody() });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'slug_taken' } });

    const other = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ slug: 'other' }),
    });
    const { id } = (await other.json()) as { id: string };
    const clash = await call(`/api/v1/content/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ slug: 'hello-world' }),
    });
    expect(clash.status).toBe(409);
  });

  it('rejects invalid bodies with field messages', async () => {
    const { call } = await startForTest();
    const bad = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({
        title: '',
        slug: 'Not A Slug',
        type: 'note',
        tags: Array.from({ length: 31 }, (_, i) => `t${i}`),
      }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { code: string; message: string; details: Array<{ field: string }> };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((detail) => detail.field).sort()).toEqual([
      'slug',
      'tags',
      'title',
      'type',
    ]);

    const noHtml = await call('/api/v1/content', {
      method: 'POST',
      body: JSON.stringify({ title: 'x', slug: 'x', type: 'post', status: 'draft' }),
    });
    expect(((await noHtml.json()) as { error: { message: string } }).error.message).toContain(
      'content_html',
    );

    const scheduled = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ status: 'scheduled' }),
    });
    expect(scheduled.status).toBe(400);
    expect(((await scheduled.json()) as { error: { message: string } }).error.message).toContain(
      'scheduled_at',
    );
    const withDate = await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ status: 'scheduled', scheduled_at: '2030-01-01T09:00:00Z' }),
    });
    expect(withDate.status).toBe(201);

    const { id } = (await withDate.json()) as { id: string };
    const badPatch = await call(`/api/v1/content/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'archived' }),
    });
    expect(badPatch.status).toBe(400);

    const notJson = await call('/api/v1/content', { method: 'POST', body: '{nope' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('renders /posts/{slug} publicly with the title escaped', async () => {
    const { platform, call } = await startForTest();
    await call('/api/v1/content', {
      method: 'POST',
      body: postBody({ title: 'Tom & <b>Jerry</b>', content_html: '<p>Chase</p>' }),
    });
    const page = await fetch(`${platform.url}/posts/hello-world`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<title>Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;</title>');
    expect(html).not.toContain('<b>Jerry</b>');
    expect(html).toContain('<p>Chase</p>');
    expect((await fetch(`${platform.url}/posts/missing`)).status).toBe(404);
  });
});
