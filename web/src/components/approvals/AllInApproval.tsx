import { Anchor, Badge, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import type { QueueEntry } from '../../types/approvals.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { Deadline } from './Deadline.tsx';
import { memberName, membersById, useMembers } from './members.ts';
import { useApprovalQueue } from './queries.ts';
import { roleName } from './slots.ts';

/** Every campaign waiting in approval, with the stage it waits at: for anyone, approver or not. */
export function AllInApproval() {
  const queue = useApprovalQueue('all');
  const members = membersById(useMembers().data);
  const entries = queue.data?.pages.flatMap((page) => page.data) ?? [];
  const approversOf = (entry: QueueEntry) => {
    const names = [
      ...entry.stage.approvers.roles.map(roleName),
      ...entry.stage.approvers.members.map((id) => memberName(id, members)),
    ];
    return `${entry.stage.mode === 'all' ? 'each of' : 'one of'} ${names.join(', ')}`;
  };

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        All campaigns in approval
      </Title>
      {queue.isError ? <ErrorAlert error={queue.error} /> : null}
      {queue.isPending ? <Skeleton height={120} /> : null}
      {queue.isSuccess && entries.length === 0 ? (
        <Text>No campaign is waiting for approval.</Text>
      ) : null}
      {entries.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Campaign</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Waiting at stage</Table.Th>
                <Table.Th>Approvers</Table.Th>
                <Table.Th>Deadline</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/campaigns/${entry.campaignId}`} size="sm">
                      {entry.campaignName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" radius="sm">
                      {entry.level}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.stage.position}. {entry.stage.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{approversOf(entry)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Deadline at={entry.deadlineAt} overdue={entry.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={queue.hasNextPage}
        fetching={queue.isFetchingNextPage}
        onLoad={() => void queue.fetchNextPage()}
      />
    </Stack>
  );
}
