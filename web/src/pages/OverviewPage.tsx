import { SimpleGrid, Stack } from '@mantine/core';
import { DeliveryOutcomes } from '../components/overview/DeliveryOutcomes.tsx';
import { Failures } from '../components/overview/Failures.tsx';
import { HealthCard } from '../components/overview/HealthCard.tsx';
import { RecentActivity } from '../components/overview/RecentActivity.tsx';
import { ScheduledNext } from '../components/overview/ScheduledNext.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSession } from '../session.tsx';

export default function OverviewPage() {
  const { data: session } = useSession();
  return (
    <>
      <PageHeader
        title="Overview"
        description={session ? `What is happening in ${session.workspace.name}.` : undefined}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <HealthCard />
          <ScheduledNext />
          <Failures />
        </Stack>
        <Stack gap="lg">
          <RecentActivity />
        </Stack>
      </SimpleGrid>
      <Stack mt="lg">
        <DeliveryOutcomes />
      </Stack>
    </>
  );
}
