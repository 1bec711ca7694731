import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSource } from '../components/sources/queries.ts';
import { SnapshotContent } from '../components/sources/SnapshotContent.tsx';
import { SnapshotHistory } from '../components/sources/SnapshotHistory.tsx';
import { sourceOrigin } from '../components/sources/SourceList.tsx';
import { SyncPanel } from '../components/sources/SyncPanel.tsx';
import { can, useSession } from '../session.tsx';

export default function SourcePage({ id }: { id: string }) {
  const { data: session } = useSession();
  const source = useSource(id);

  if (source.isError) {
    return (
      <>
        <PageHeader title="Source" />
        <ErrorAlert error={source.error} title="The source did not load" />
      </>
    );
  }
  if (source.isPending) {
    return (
      <Stack gap="lg" aria-busy="true">
        <Skeleton height={40} width="50%" />
        <Skeleton height={120} />
        <Skeleton height={240} />
      </Stack>
    );
  }

  const data = source.data;
  const origin = sourceOrigin(data);
  const items =
    data.itemCount === null ? null : `${data.itemCount} ${data.itemCount === 1 ? 'item' : 'items'}`;
  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <Text span inherit style={{ overflowWrap: 'anywhere' }}>
            {[data.kind, origin, items].filter(Boolean).join(' · ')}
          </Text>
        }
        actions={
          can(session, 'write') && data.latestSnapshotId ? (
            <Button component={Link} href={`/campaigns/new?source=${encodeURIComponent(data.id)}`}>
              Compose a campaign
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <SyncPanel source={data} />
        {data.latestSnapshotId ? (
          <SnapshotContent snapshotId={data.latestSnapshotId} />
        ) : (
          <Text c="dimmed">
            No snapshot yet: once a sync reads the document, its items appear here.
          </Text>
        )}
        <SnapshotHistory sourceId={data.id} />
      </Stack>
    </>
  );
}
