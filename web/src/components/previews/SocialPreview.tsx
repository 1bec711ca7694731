import { Stack, Text } from '@mantine/core';
import type { SocialChannel, SocialContent } from '../../types/campaigns.ts';
import { SocialPostCard } from './SocialPostCard.tsx';

/** Every post of a social draft (a thread on X), and its hashtags against the platform's cap. */
export function SocialPreview({
  channel,
  content,
  brandName,
}: {
  channel: SocialChannel;
  content: SocialContent;
  brandName: string;
}) {
  const { posts } = content;
  return (
    <Stack gap="xs">
      {posts.map((post, index) => (
        <SocialPostCard
          // biome-ignore lint/suspicious/noArrayIndexKey: a post is its position in the thread
          key={index}
          channel={channel}
          text={post.text}
          brandName={brandName}
          position={index + 1}
          total={posts.length}
          link={content.link}
        />
      ))}
      {content.hashtags.length > 0 ? (
        <Text size="xs" c="dimmed">
          Hashtags {content.hashtags.length} / {channel.limits.hashtagCap}:{' '}
          {content.hashtags.join(' ')}
        </Text>
      ) : null}
    </Stack>
  );
}
