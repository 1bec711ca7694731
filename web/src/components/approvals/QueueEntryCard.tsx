import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../format.ts';
import type { QueueEntry } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { Deadline } from './Deadline.tsx';
import { actorName, membersById, useMembers } from './members.ts';
import { useApprovalRound } from './queries.ts';
import { SlotList } from './SlotList.tsx';

/** One campaign waiting for the viewer: its stage, who else approves, the deadline, who asked. */
export function QueueEntryCard({
  entry,
  selected,
  onReview,
}: {
  entry: QueueEntry;
  selected: boolean;
  onReview: () => void;
}) {
  const approval = useApprovalRound(entry.campaignId);
  const round = approval.data?.round ?? null;
  const members = membersById(useMembers().data);
  const stage = round?.stages.find((candidate) => candidate.id === entry.stage.id);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={
        selected
          ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 }
          : undefined
      }
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {entry.campaignName}
          </Title>
          <Badge variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {entry.level}
          </Badge>
        </Group>
        <Text size="sm">
          Stage {entry.stage.position}
          {round ? ` of ${round.stages.length}` : ''}: <strong>{entry.stage.name}</strong> (
          {entry.stage.mode === 'all'
            ? 'each slot needs its own approver'
            : 'one approval suffices'}
          )
        </Text>
        {approval.isError ? (
          <ErrorAlert error={approval.error} title="Who else approves could not be loaded" />
        ) : null}
        {stage ? <SlotList stage={stage} decisions={stage.decisions} /> : null}
        {approval.isPending ? <Skeleton height={44} /> : null}
        <Deadline at={entry.deadlineAt} overdue={entry.overdue} />
        <Text size="sm" c="dimmed">
          {round ? (
            <>
              Submitted by {actorName(round.submittedBy, members)}{' '}
              <time dateTime={round.createdAt} title={formatDateTime(round.createdAt)}>
                {formatRelative(round.createdAt)}
              </time>
            </>
          ) : (
            'Submitted …'
          )}
        </Text>
        <Group justify="flex-end">
          <Button
            size="xs"
            variant={selected ? 'filled' : 'light'}
            aria-label={`Review ${entry.campaignName}`}
            aria-pressed={selected}
            onClick={onReview}
          >
            Review
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
