import { Alert, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { formatDateTime } from '../../format.ts';
import type { Item, Snapshot } from '../../types/sources.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Change } from './DiffBadge.tsx';
import { ItemCard } from './ItemCard.tsx';
import { Notes } from './Notes.tsx';
import { useSnapshot } from './queries.ts';
import { RemovedItems } from './RemovedItems.tsx';

interface Section {
  key: string;
  heading: string;
  items: Item[];
}

/** Items by section, in the document's order; a section without a heading is named by its key. */
function sectionsOf(items: Item[]): Section[] {
  const sections = new Map<string, Section>();
  for (const item of items) {
    const section = sections.get(item.section);
    if (section) section.items.push(item);
    else {
      sections.set(item.section, {
        key: item.section,
        heading: item.sectionHeading ?? item.section,
        items: [item],
      });
    }
  }
  return [...sections.values()];
}

/** The latest snapshot: its document-level notes, its items by section, what the last sync changed. */
export function SnapshotContent({ snapshotId }: { snapshotId: string }) {
  const snapshot = useSnapshot(snapshotId);
  if (snapshot.isError)
    return <ErrorAlert error={snapshot.error} title="The snapshot did not load" />;
  if (snapshot.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={72} />
        <Skeleton height={160} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  return <SnapshotItems snapshot={snapshot.data} />;
}

function SnapshotItems({ snapshot }: { snapshot: Snapshot }) {
  const keys = new Set(snapshot.items.map((item) => item.key));
  const firstSnapshot = snapshot.previousSnapshotId === null;
  const changeOf = (key: string): Change | null => {
    if (firstSnapshot) return null;
    if (snapshot.diff.added.includes(key)) return 'added';
    if (snapshot.diff.changed.includes(key)) return 'changed';
    return null;
  };
  const documentWarnings = snapshot.warnings.filter(
    (warning) => warning.itemKey === undefined || !keys.has(warning.itemKey),
  );
  const documentIssues = snapshot.issues.filter((issue) => !keys.has(issue.itemKey));

  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Text>
          Latest snapshot{snapshot.title ? ` “${snapshot.title}”` : ''}, taken{' '}
          {formatDateTime(snapshot.createdAt)}: {snapshot.itemCount}{' '}
          {snapshot.itemCount === 1 ? 'item' : 'items'}, read as {snapshot.strategy}.
        </Text>
        {firstSnapshot ? (
          <Text size="sm" c="dimmed" mt={4}>
            The first snapshot of this source.
          </Text>
        ) : (
          <Group gap={6} mt="xs">
            <Text size="sm">The last sync:</Text>
            <Badge color="green" variant="dot" radius="sm">
              {snapshot.changes.added} added
            </Badge>
            <Badge color="yellow" variant="dot" radius="sm">
              {snapshot.changes.changed} changed
            </Badge>
            <Badge color="red" variant="dot" radius="sm">
              {snapshot.changes.removed} removed
            </Badge>
            <Badge color="gray" variant="dot" radius="sm">
              {snapshot.changes.unchanged} unchanged
            </Badge>
          </Group>
        )}
      </Card>
      {documentWarnings.length > 0 || documentIssues.length > 0 ? (
        <Alert color="gray" title="About the whole document">
          <Notes warnings={documentWarnings} issues={documentIssues} />
        </Alert>
      ) : null}
      {snapshot.items.length === 0 ? (
        <Text c="dimmed">
          This snapshot has no items: the document had nothing Toombos could read.
        </Text>
      ) : null}
      {sectionsOf(snapshot.items).map((section) => (
        <SectionItems key={section.key} section={section} snapshot={snapshot} changeOf={changeOf} />
      ))}
      {firstSnapshot || snapshot.diff.removed.length === 0 ? null : (
        <RemovedItems
          keys={snapshot.diff.removed}
          previousSnapshotId={snapshot.previousSnapshotId}
        />
      )}
    </Stack>
  );
}

function SectionItems({
  section,
  snapshot,
  changeOf,
}: {
  section: Section;
  snapshot: Snapshot;
  changeOf: (key: string) => Change | null;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {section.heading}
      </Title>
      <Stack gap="sm">
        {section.items.map((item) => (
          <ItemCard
            key={item.key}
            item={item}
            change={changeOf(item.key)}
            warnings={snapshot.warnings.filter((warning) => warning.itemKey === item.key)}
            issues={snapshot.issues.filter((issue) => issue.itemKey === item.key)}
          />
        ))}
      </Stack>
    </section>
  );
}
