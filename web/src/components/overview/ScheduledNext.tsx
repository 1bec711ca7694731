import { Anchor, Card, List, Skeleton, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { formatDateTime } from '../../format.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TimeAgo } from '../sources/TimeAgo.tsx';
import { useScheduledCampaigns } from './queries.ts';
import type { Campaign } from './types.ts';

const SHOWN = 5;
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Scheduled campaigns, soonest first, in local time (and in their own zone when it differs). */
export function ScheduledNext() {
  const campaigns = useScheduledCampaigns();
  const page = campaigns.data;
  const scheduled = (page?.data ?? [])
    .filter((campaign) => campaign.scheduledAt !== null)
    .sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
  // One page of scheduled campaigns is read; past it, the calendar has the rest.
  const more = page?.next_cursor
    ? 'More'
    : scheduled.length > SHOWN
      ? `${scheduled.length - SHOWN} more`
      : null;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="scheduled-next">
      <Title order={2} size="h3" id="scheduled-next" mb="sm">
        Scheduled next
      </Title>
      {campaigns.isError ? <ErrorAlert error={campaigns.error} /> : null}
      {campaigns.isPending ? <Skeleton height={120} /> : null}
      {page && scheduled.length === 0 ? <Text c="dimmed">Nothing is scheduled.</Text> : null}
      {scheduled.length > 0 ? (
        <List spacing="sm" listStyleType="none">
          {scheduled.slice(0, SHOWN).map((campaign) => (
            <ScheduledCampaign key={campaign.id} campaign={campaign} />
          ))}
        </List>
      ) : null}
      {more ? (
        <Anchor component={Link} href="/calendar" size="sm" mt="sm" display="inline-block">
          {more} on the calendar
        </Anchor>
      ) : null}
    </Card>
  );
}

function ScheduledCampaign({ campaign }: { campaign: Campaign }) {
  const at = campaign.scheduledAt ?? '';
  const zone = campaign.scheduleZone;
  return (
    <List.Item>
      <Anchor component={Link} href={`/campaigns/${campaign.id}`} fw={600}>
        {campaign.name}
      </Anchor>
      <Text size="sm">
        {formatDateTime(at)} (<TimeAgo iso={at} />)
        {zone && zone !== browserZone ? ` · ${formatDateTime(at, zone)} in ${zone}` : null}
      </Text>
      <Text size="xs" c="dimmed">
        {campaign.channels.join(', ')}
      </Text>
    </List.Item>
  );
}
