import { Anchor, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { TimeAgo } from '../sources/TimeAgo.tsx';
import { useCampaignNames, useFailedCampaigns, useFailedDeliveries } from './queries.ts';

const SHOWN = 5;

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
  const deliveries = useFailedDeliveries(SHOWN);
  const failed = deliveries.data?.data ?? [];
  const campaignName = useCampaignNames(failed.map((delivery) => delivery.campaignId));
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
          {failed.map((delivery) => (
            <List.Item key={delivery.id}>
              <Text size="sm">
                <Anchor
                  component={Link}
                  href={`/campaigns/${delivery.campaignId}`}
                  underline="always"
                >
                  {campaignName(delivery.campaignId) ?? 'A campaign'}
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
          All failed deliveries
        </Anchor>
      ) : null}
    </div>
  );
}

function FailedCampaigns() {
  const campaigns = useFailedCampaigns(SHOWN);
  const failed = campaigns.data?.data ?? [];
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
          {failed.map((campaign) => (
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
      {campaigns.data?.next_cursor ? (
        <Anchor component={Link} href="/campaigns" size="sm">
          More failed campaigns
        </Anchor>
      ) : null}
    </div>
  );
}
