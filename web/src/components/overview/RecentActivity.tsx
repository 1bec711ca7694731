import { Anchor, Card, Code, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { useEventStream, type WorkspaceEvent } from '../../events.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useSources } from '../sources/queries.ts';
import { TimeAgo } from '../sources/TimeAgo.tsx';
import { type NameLookup, summarizeEvent } from './eventSummary.ts';
import { useCampaignNames, useLatestEvents } from './queries.ts';

const SHOWN = 15;

/** The campaign an event is about, as `summarizeEvent` links it. */
function campaignIdOf(event: WorkspaceEvent): string[] {
  if (event.subjectType === 'campaign' && event.subjectId) return [event.subjectId];
  const id = event.data.campaignId;
  return typeof id === 'string' && id !== '' ? [id] : [];
}

/** The events the page opened with, and every live one since, newest first. */
export function RecentActivity() {
  const { recent } = useEventStream();
  const initial = useLatestEvents(SHOWN);
  const sources = useSources();
  const byId = new Map<string, WorkspaceEvent>();
  for (const event of [...recent, ...(initial.data ?? [])]) byId.set(event.id, event);
  const events = [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, SHOWN);

  const createdNames = new Map<string, string>();
  const sourceNames = new Map(sources.data?.rows.map((source) => [source.id, source.name]));
  // A campaign or source made a moment ago is named by its creation event until the lists catch up.
  for (const { type, subjectId, data } of events) {
    if (!subjectId || typeof data.name !== 'string') continue;
    if (type === 'campaign.created') createdNames.set(subjectId, data.name);
    if (type === 'source.created' && !sourceNames.has(subjectId)) {
      sourceNames.set(subjectId, data.name);
    }
  }
  const campaignName = useCampaignNames(
    events.flatMap(campaignIdOf).filter((id) => !createdNames.has(id)),
  );
  const names: NameLookup = {
    campaign: (id) => campaignName(id) ?? createdNames.get(id),
    source: (id) => sourceNames.get(id),
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recent-activity">
      <Title order={2} size="h3" id="recent-activity" mb="sm">
        Recent activity
      </Title>
      {initial.isError ? (
        <ErrorAlert error={initial.error} title="Earlier events did not load" />
      ) : null}
      {initial.isPending && events.length === 0 ? (
        <Stack gap="xs">
          <Skeleton height={40} />
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : null}
      {initial.isSuccess && events.length === 0 ? (
        <Text c="dimmed">Nothing has happened yet.</Text>
      ) : null}
      {events.length > 0 ? (
        <List spacing="sm" listStyleType="none">
          {events.map((event) => (
            <ActivityItem key={event.id} event={event} names={names} />
          ))}
        </List>
      ) : null}
    </Card>
  );
}

function ActivityItem({ event, names }: { event: WorkspaceEvent; names: NameLookup }) {
  const summary = summarizeEvent(event, names);
  return (
    <List.Item>
      <Group gap="xs" wrap="wrap">
        <Code>{event.type}</Code>
        <Text size="xs" c="dimmed">
          <TimeAgo iso={event.createdAt} />
        </Text>
      </Group>
      <Text size="sm" lineClamp={3}>
        {summary.what}
        {summary.subject ? ' — ' : null}
        {summary.subject?.href ? (
          <Anchor component={Link} href={summary.subject.href} underline="always">
            {summary.subject.label}
          </Anchor>
        ) : (
          summary.subject?.label
        )}
        {summary.detail ? `: ${summary.detail}` : null}
      </Text>
    </List.Item>
  );
}
