import { Box, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EmailContent } from '../../types/campaigns.ts';

const widths = [
  { label: 'Desktop 600 px', value: '600' },
  { label: 'Mobile 375 px', value: '375' },
];

/** Subject and preheader as an inbox shows them, then the message itself in a sandboxed frame. */
export function EmailPreview({ content }: { content: EmailContent }) {
  const [width, setWidth] = useState('600');
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm">
          <Text span fw={700}>
            Subject:
          </Text>{' '}
          {content.subject || '(empty)'}
        </Text>
        <Text size="sm" c="dimmed">
          <Text span fw={700}>
            Preheader:
          </Text>{' '}
          {content.preheader || '(empty)'}
        </Text>
      </div>
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          aria-label="Email preview width"
          data={widths}
          value={width}
          onChange={setWidth}
        />
        <Text size="xs" c="dimmed">
          {(content.htmlBytes / 1024).toFixed(1)} KB of HTML
        </Text>
      </Group>
      <Box
        bd="1px solid var(--mantine-color-default-border)"
        style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
        w={`${width}px`}
        maw="100%"
        mx="auto"
      >
        <iframe
          sandbox=""
          srcDoc={content.html}
          title="Email preview"
          style={{ display: 'block', width: '100%', height: 640, border: 0, background: '#fff' }}
        />
      </Box>
    </Stack>
  );
}
