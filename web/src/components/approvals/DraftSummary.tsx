import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { Draft, DraftIssue } from '../../types/approvals.ts';

const severityColors: Record<DraftIssue['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'gray',
};

const channelOrder = (draft: Draft) => ['email', 'web'].indexOf(draft.channel) + 1 || 3;

/** What the reviewer approves, compactly: subjects, titles and social posts, with their issues. */
export function DraftSummary({ drafts }: { drafts: readonly Draft[] }) {
  if (drafts.length === 0) return <Text size="sm">This campaign has no drafts.</Text>;
  return (
    <Stack gap="xs">
      {[...drafts]
        .sort((a, b) => channelOrder(a) - channelOrder(b) || a.target.localeCompare(b.target))
        .map((draft) => (
          <Paper key={draft.id} withBorder p="sm" radius="sm">
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {draft.target}
                </Text>
                <Text size="xs" c="dimmed">
                  version {draft.version}
                  {draft.dryRun ? ' · dry run' : ''}
                </Text>
              </Group>
              <DraftContentLines draft={draft} />
              {draft.issues.length > 0 ? (
                <List size="sm" spacing={2} listStyleType="none">
                  {draft.issues.map((issue) => (
                    <List.Item key={`${issue.code}-${issue.field}-${issue.message}`}>
                      <Badge
                        color={severityColors[issue.severity]}
                        variant="dot"
                        radius="sm"
                        mr={6}
                      >
                        {issue.severity}
                      </Badge>
                      {issue.message}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Stack>
          </Paper>
        ))}
    </Stack>
  );
}

function DraftContentLines({ draft }: { draft: Draft }) {
  const { content } = draft;
  if ('subject' in content) {
    return (
      <>
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            Subject:{' '}
          </Text>
          {content.subject}
        </Text>
        {content.preheader ? (
          <Text size="sm">
            <Text span size="sm" c="dimmed">
              Preheader:{' '}
            </Text>
            {content.preheader}
          </Text>
        ) : null}
      </>
    );
  }
  if ('title' in content) {
    return (
      <>
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            Title:{' '}
          </Text>
          {content.title}
        </Text>
        {content.excerpt ? (
          <Text size="sm">
            <Text span size="sm" c="dimmed">
              Excerpt:{' '}
            </Text>
            {content.excerpt}
          </Text>
        ) : null}
      </>
    );
  }
  return (
    <Stack gap={4}>
      {content.posts.map((post, index) => (
        // Posts are a thread in order: the position is what tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Text key={index} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="sm" c="dimmed">
            {content.posts.length > 1 ? `Post ${index + 1} ` : 'Post '}({post.length} chars):{' '}
          </Text>
          {post.text}
        </Text>
      ))}
    </Stack>
  );
}
