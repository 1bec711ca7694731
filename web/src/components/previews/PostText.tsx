import { Text } from '@mantine/core';

const TOKEN_SPLIT = /(https?:\/\/[^\s]+|#[\p{L}\p{N}_]+)/u;

/** A post's text with its line breaks, links and hashtags set off the way platforms show them. */
export function PostText({ text }: { text: string }) {
  const parts = text.split(TOKEN_SPLIT);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) =>
        // split() with a capturing group puts the links and hashtags at the odd positions
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string, in order
          <Text key={index} span inherit fw={500} c="var(--mantine-color-anchor)">
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </Text>
  );
}
