import { Anchor, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { TimeAgo } from '../sources/TimeAgo.tsx';
import { useAllCampaigns, useFailedDeliveries } from './queries.ts';

const SHOWN = 5;
const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) =>
  b.updatedAt.localeCompare(a.updatedAt);

/** Failed deliveries with the destination's error, and campaigns that failed in whole or part. */
export function Failures() {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="what-failed">
      <Title order={2} size="h3" id="what-failed" mb="sm">
        What failed
      </Title>
      <Stack gap="md">
        <FailedDeliveries />
        <FailedCampaigns />
      </Stack>
    </Card>
  );
}

function FailedDeliveries() {
  const deliveries = useFailedDeliveries();
  const campaigns = useAllCampaigns();
  const names = new Map(campaigns.data?.rows.map((campaign) => [campaign.id, campaign.name]));
  const failed = [...(deliveries.data?.rows ?? [])].sort(newestFirst);
  return (
    <div>
      <Title order={3} size="h5" mb={6}>
        Deliveries
      </Title>
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      {deliveries.isPending ? <Skeleton height={60} /> : null}
      {deliveries.data && failed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No failed deliveries.
        </Text>
      ) : null}
      {failed.length > 0 ? (
        <List spacing="xs" listStyleType="none">
          {failed.slice(0, SHOWN).map((delivery) => (
            <List.Item key={delivery.id}>
              <Text size="sm">
                <Anchor
                  component={Link}
                  href={`/campaigns/${delivery.campaignId}`}
                  underline="always"
                >
                  {names.get(delivery.campaignId) ?? 'A campaign'}
                </Anchor>{' '}
                on {delivery.channel}, <TimeAgo iso={delivery.updatedAt} />
              </Text>
              <Text size="sm" c="dimmed">
                {delivery.error
                  ? `${delivery.error.kind}: ${delivery.error.message}`
                  : (delivery.reason ?? 'No error was recorded.')}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {failed.length > 0 ? (
        <Anchor component={Link} href="/deliveries?status=failed" size="sm">
          All {deliveries.data?.complete ? failed.length : `${failed.length}+`} failed deliveries
        </Anchor>
      ) : null}
    </div>
  );
}

function FailedCampaigns() {
  const campaigns = useAllCampaigns();
  const failed = (campaigns.data?.rows ?? [])
    .filter((campaign) => campaign.state === 'failed' || campaign.state === 'partially_failed')
    .sort(newestFirst);
  return (
    <div>
      <Title order={3} size="h5" mb={6}>
        Campaigns
      </Title>
      {campaigns.isError ? <ErrorAlert error={campaigns.error} /> : null}
      {campaigns.isPending ? <Skeleton height={60} /> : null}
      {campaigns.data && failed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No failed campaigns.
        </Text>
      ) : null}
      {failed.length > 0 ? (
        <List spacing="xs" listStyleType="none">
          {failed.slice(0, SHOWN).map((campaign) => (
            <List.Item key={campaign.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} href={`/campaigns/${campaign.id}`} size="sm">
                  {campaign.name}
                </Anchor>
                <StatusBadge status={campaign.state} />
                <Text size="xs" c="dimmed">
                  <TimeAgo iso={campaign.updatedAt} />
                </Text>
              </Group>
              {campaign.stateReason ? <Text size="sm">{campaign.stateReason}</Text> : null}
            </List.Item>
          ))}
        </List>
      ) : null}
      {failed.length > SHOWN ? (
        <Anchor component={Link} href="/campaigns" size="sm">
          {failed.length - SHOWN} more failed campaigns
        </Anchor>
      ) : null}
    </div>
  );
}
