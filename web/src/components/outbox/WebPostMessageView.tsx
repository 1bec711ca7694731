import { Anchor, Code, Group, Stack, Text } from '@mantine/core';
import type { WebPostMessage } from '../../types/deliveries.ts';
import { Fact } from '../deliveries/Fact.tsx';
import { SentFrame } from './SentFrame.tsx';

// The post's HTML is an article body: a plain page around it, nothing added inside.
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:system-ui,sans-serif;line-height:1.6;margin:16px;max-width:72ch;color:#1a1b1e;background:#fff}img{max-width:100%;height:auto}</style></head><body>${body}</body></html>`;

/** A sent web post: title, address fields and excerpt, then the article as it would render. */
export function WebPostMessageView({ post }: { post: WebPostMessage }) {
  return (
    <Stack gap="sm">
      <Fact label="Title">
        <strong>{post.title}</strong>
      </Fact>
      <Group gap="lg" wrap="wrap" align="flex-start">
        <Fact label="Slug">
          <Code>{post.slug}</Code>
        </Fact>
        <Fact label="URL">
          {post.canonicalUrl ? (
            <Anchor href={post.canonicalUrl} target="_blank" rel="noreferrer noopener">
              {post.canonicalUrl}
            </Anchor>
          ) : (
            'none (the site decides it)'
          )}
        </Fact>
        {post.tags.length > 0 ? <Fact label="Tags">{post.tags.join(', ')}</Fact> : null}
      </Group>
      <Fact label="Excerpt">
        <Text size="sm">{post.excerpt}</Text>
      </Fact>
      <SentFrame title={`Sent web post: ${post.title}`} html={page(post.html)} />
    </Stack>
  );
}
