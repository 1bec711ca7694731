import { Box, Stack, Text } from '@mantine/core';
import type { WebChannel, WebContent } from '../../types/campaigns.ts';
import { LengthCounter } from './LengthCounter.tsx';

/** The article body is server-sanitized; it still renders only inside an empty sandbox. */
function articleDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.6;color:#1a1b1e;background:#fff;margin:16px;}
img{max-width:100%;height:auto;}a{color:#364fc7;}
</style></head><body>${html}</body></html>`;
}

/** A web post as a reader and a search engine see it: title, excerpt, SEO fields, the article. */
export function WebPreview({ content, channel }: { content: WebContent; channel: WebChannel }) {
  const { limits } = channel;
  return (
    <Stack gap="xs">
      <div>
        <Text fw={700} size="lg">
          {content.title || '(no title)'}
        </Text>
        <Text size="sm" c="dimmed">
          /{content.slug} · {content.readingTimeMinutes} min read
        </Text>
      </div>
      <Text size="sm">{content.excerpt}</Text>
      <Box
        p="xs"
        bd="1px solid var(--mantine-color-default-border)"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      >
        <Text size="xs" fw={700}>
          Search result
        </Text>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {content.seoTitle}{' '}
          <LengthCounter
            length={content.seoTitle.length}
            max={limits.seoTitleMax}
            severity="warning"
          />
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {content.metaDescription}{' '}
          <LengthCounter
            length={content.metaDescription.length}
            max={limits.metaDescriptionMax}
            min={limits.metaDescriptionMin}
            severity="warning"
          />
        </Text>
      </Box>
      <Box
        bd="1px solid var(--mantine-color-default-border)"
        style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
      >
        <iframe
          sandbox=""
          srcDoc={articleDocument(content.html)}
          title="Web post preview"
          style={{ display: 'block', width: '100%', height: 480, border: 0, background: '#fff' }}
        />
      </Box>
    </Stack>
  );
}
