import { Anchor, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { SocialPostMessage } from '../../types/deliveries.ts';

/** A sent social post (or X thread) as a simple post card, its text exactly as sent. */
export function SocialPostMessageView({
  post,
  platform,
}: {
  post: SocialPostMessage;
  platform: string;
}) {
  const thread = post.posts.length > 1;
  return (
    <Paper withBorder radius="md" p="md" maw={600}>
      <Stack gap="sm">
        <Group gap="xs">
          <Text fw={700}>{platform}</Text>
          {thread ? <Text size="sm">thread of {post.posts.length} posts</Text> : null}
        </Group>
        {post.posts.map((item, index) => (
          <Stack key={item.text} gap="sm">
            {index > 0 ? <Divider /> : null}
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.text}</Text>
          </Stack>
        ))}
        {post.link ? (
          <Text size="sm">
            Tracked link:{' '}
            <Anchor
              href={post.link}
              target="_blank"
              rel="noreferrer noopener"
              style={{ overflowWrap: 'anywhere' }}
            >
              {post.link}
            </Anchor>
          </Text>
        ) : null}
        {post.hashtags.length > 0 ? (
          <Text size="sm">Hashtags: {post.hashtags.join(' ')}</Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
