import { Box, Code, Stack, Text } from '@mantine/core';
import type { VersionDiff } from '../../types/campaigns.ts';
import { wordDiff } from './word-diff.ts';

const fieldNames: Record<string, string> = {
  subject: 'Subject',
  preheader: 'Preheader',
  text: 'Plain-text version',
  html: 'HTML',
  htmlBytes: 'HTML size (bytes)',
  title: 'Title',
  excerpt: 'Excerpt',
  seoTitle: 'SEO title',
  metaDescription: 'Meta description',
  posts: 'Posts',
};

/** Removed words struck through in <del>, added ones in <ins>: not color alone. */
function TextDiff({ before, after }: { before: string; after: string }) {
  return (
    <Box
      fz="sm"
      p="xs"
      bd="1px solid var(--mantine-color-default-border)"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 4 }}
    >
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff, in order
          <ins key={index} className="diff-added">
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff, in order
          <del key={index} className="diff-removed">
            {part.text}
          </del>
        ) : (
          part.text
        ),
      )}
    </Box>
  );
}

function postTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((post) =>
    post && typeof post === 'object' && 'text' in post ? String(post.text) : '',
  );
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? '';
}

/** One changed content field between two versions of a draft. */
export function FieldChange({ change }: { change: VersionDiff['changes'][number] }) {
  const name = fieldNames[change.field] ?? change.field;
  if (change.field === 'posts') {
    const before = postTexts(change.from);
    const after = postTexts(change.to);
    const positions = Array.from({ length: Math.max(before.length, after.length) }, (_, i) => i);
    return (
      <Stack gap={4}>
        {positions
          .filter((index) => before[index] !== after[index])
          .map((index) => (
            <Stack key={index} gap={4}>
              <Text size="sm" fw={700}>
                Post {index + 1}
              </Text>
              <TextDiff before={before[index] ?? ''} after={after[index] ?? ''} />
            </Stack>
          ))}
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {name} <Code>{change.field}</Code>
      </Text>
      <TextDiff before={asText(change.from)} after={asText(change.to)} />
    </Stack>
  );
}
