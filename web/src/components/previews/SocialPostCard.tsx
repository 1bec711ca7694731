import { Avatar, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { SocialChannel } from '../../types/campaigns.ts';
import { LengthCounter } from './LengthCounter.tsx';
import { postLength } from './measure.ts';
import { PostText } from './PostText.tsx';

/** How each platform frames a post: avatar color and shape, card corners. */
const platformLook: Record<string, { color: string; avatarRadius: string; radius: string }> = {
  x: { color: 'dark.6', avatarRadius: 'xl', radius: 'lg' },
  linkedin: { color: 'blue.8', avatarRadius: 'sm', radius: 'sm' },
  facebook: { color: 'indigo.8', avatarRadius: 'xl', radius: 'md' },
  instagram: { color: 'pink.8', avatarRadius: 'xl', radius: 'md' },
  mastodon: { color: 'violet.8', avatarRadius: 'md', radius: 'md' },
  bluesky: { color: 'cyan.9', avatarRadius: 'xl', radius: 'lg' },
};

const fallbackLook = { color: 'gray.8', avatarRadius: 'xl', radius: 'md' };

function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return (
    words
      .slice(0, 2)
      .map((word) => Array.from(word)[0]?.toUpperCase() ?? '')
      .join('') || '?'
  );
}

/** One post as its platform would show it, with its live "N / limit" count. */
export function SocialPostCard({
  channel,
  text,
  brandName,
  position,
  total,
  link,
}: {
  channel: SocialChannel;
  text: string;
  brandName: string;
  position: number;
  total: number;
  link: string | null;
}) {
  const look = platformLook[channel.id] ?? fallbackLook;
  return (
    <Paper withBorder p="sm" radius={look.radius}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar color={look.color} variant="filled" radius={look.avatarRadius} aria-hidden>
          {initials(brandName)}
        </Avatar>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <div>
            <Text fw={700} size="sm" truncate>
              {brandName}
            </Text>
            <Text size="xs" c="dimmed">
              {channel.label}
              {total > 1 ? ` · post ${position} of ${total}` : ''}
            </Text>
          </div>
          <PostText text={text} />
          {link && text.includes(link) ? (
            <Box
              p="xs"
              bd="1px solid var(--mantine-color-default-border)"
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            >
              <Text size="xs" c="dimmed">
                Link
              </Text>
              <Text size="xs" truncate>
                {hostOf(link)}
              </Text>
            </Box>
          ) : null}
          <Group justify="flex-end">
            <LengthCounter length={postLength(text, channel)} max={channel.limits.maxLength} />
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function hostOf(link: string): string {
  try {
    return new URL(link).host;
  } catch {
    return link;
  }
}
