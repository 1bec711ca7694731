import { Anchor, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import type { OutboxMessage } from '../../types/deliveries.ts';
import { EmailMessageView } from './EmailMessageView.tsx';
import { readMessage } from './messageKind.ts';
import { SocialPostMessageView } from './SocialPostMessageView.tsx';
import { WebPostMessageView } from './WebPostMessageView.tsx';

/** One message a sandbox connection "sent": where it belongs, when, and the content as sent. */
export function OutboxEntry({
  entry,
  channel,
  campaign,
}: {
  entry: OutboxMessage;
  channel: string;
  campaign: string;
}) {
  const sent = readMessage(entry.message);
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {channel}
          </Title>
          <Text size="sm">
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
          </Text>
        </Group>
        <Text size="sm">
          Campaign:{' '}
          <Anchor component={Link} href={`/campaigns/${entry.campaignId}`}>
            {campaign}
          </Anchor>
        </Text>
        {sent.kind === 'email' ? <EmailMessageView email={sent.email} /> : null}
        {sent.kind === 'web' ? <WebPostMessageView post={sent.post} /> : null}
        {sent.kind === 'social' ? (
          <SocialPostMessageView post={sent.post} platform={channel} />
        ) : null}
        {sent.kind === 'other' ? (
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {JSON.stringify(entry.message, null, 2)}
          </Code>
        ) : null}
      </Stack>
    </Card>
  );
}
