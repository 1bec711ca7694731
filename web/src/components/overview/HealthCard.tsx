import { Badge, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TimeAgo } from '../sources/TimeAgo.tsx';
import { useReadiness } from './queries.ts';
import type { CheckName, WorkerCheck } from './types.ts';

const checkNames: { name: CheckName; label: string }[] = [
  { name: 'database', label: 'Database' },
  { name: 'queue', label: 'Job queue' },
  { name: 'worker', label: 'Worker heartbeat' },
];

/** `GET /health/ready`, read every 15 s: each check with the server's own words. */
export function HealthCard() {
  const readiness = useReadiness();
  const report = readiness.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="health">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="health">
          Health
        </Title>
        {report ? (
          <Badge color={report.status === 'ready' ? 'green' : 'red'} variant="dot" radius="sm">
            {report.status === 'ready' ? 'ready' : 'unavailable'}
          </Badge>
        ) : null}
      </Group>
      {readiness.isError ? (
        <ErrorAlert error={readiness.error} title="The health check did not answer" />
      ) : null}
      {readiness.isPending ? <Skeleton height={120} /> : null}
      {report ? (
        <Stack gap="xs">
          {report.status === 'unavailable' ? (
            <Text size="sm">
              The server answers 503: {report.failing.join(', ')}{' '}
              {report.failing.length === 1 ? 'is' : 'are'} failing.
            </Text>
          ) : null}
          <List listStyleType="none" spacing="xs">
            {checkNames.map(({ name, label }) => {
              const check = report.checks[name];
              return (
                <List.Item key={name}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    <Badge color={check.ok ? 'green' : 'red'} variant="dot" radius="sm">
                      {check.ok ? 'ok' : 'failing'}
                    </Badge>
                  </Group>
                  <Text size="sm">{check.detail}</Text>
                  {name === 'worker' ? <WorkerCount check={report.checks.worker} /> : null}
                </List.Item>
              );
            })}
          </List>
          <Text size="xs" c="dimmed">
            Checked <TimeAgo iso={new Date(readiness.dataUpdatedAt).toISOString()} />.
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

/** How many workers beat within the last 30 s (the detail above already dates the freshest). */
function WorkerCount({ check }: { check: WorkerCheck }) {
  // Null when the check could not read the workers (the database did not answer).
  if (typeof check.workers !== 'number') return null;
  return (
    <Text size="sm" c="dimmed">
      {check.workers === 1 ? '1 worker alive' : `${check.workers} workers alive`}
    </Text>
  );
}
