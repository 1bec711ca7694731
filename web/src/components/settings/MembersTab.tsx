import { Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { can, useSession } from '../../session.tsx';
import type { Member } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { EditMemberForm } from './EditMemberForm.tsx';
import { InviteMemberForm } from './InviteMemberForm.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { roleLabel } from './roleOptions.ts';
import { SettingsModal } from './SettingsModal.tsx';
import { usePagedList } from './usePagedList.ts';

/** The workspace's people: invite, change role and labels, remove. */
export function MembersTab() {
  const { data: session } = useSession();
  const admin = can(session, 'admin');
  const client = useQueryClient();
  const list = usePagedList<Member>('members', '/v1/members');
  const [editing, setEditing] = useState<Member | null>(null);

  const remove = async (member: Member) => {
    await del(`/v1/members/${member.id}`);
    await client.invalidateQueries({ queryKey: ['members'] });
  };

  return (
    <Stack gap="lg">
      {admin ? (
        <section aria-labelledby="invite-heading">
          <Title order={2} size="h3" id="invite-heading" mb="sm">
            Invite a member
          </Title>
          <InviteMemberForm />
        </section>
      ) : (
        <ReadOnlyNote>Only owners and admins can invite, change or remove members.</ReadOnlyNote>
      )}
      <section aria-labelledby="members-heading">
        <Title order={2} size="h3" id="members-heading" mb="sm">
          Members
        </Title>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.isPending ? <Skeleton height={160} aria-label="Loading the members" /> : null}
        {list.isSuccess && list.items.length === 0 ? <Text>No members yet.</Text> : null}
        {list.items.length > 0 ? (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Labels</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Setup link expires</Table.Th>
                  {admin ? <Table.Th>Actions</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((member) => {
                  const self = member.id === session?.member.id;
                  return (
                    <Table.Tr key={member.id}>
                      <Table.Td>
                        {member.name}
                        {self ? ' (you)' : ''}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{member.email}</Table.Td>
                      <Table.Td>{roleLabel(member.role)}</Table.Td>
                      <Table.Td>
                        {member.labels.length > 0 ? member.labels.join(', ') : '—'}
                      </Table.Td>
                      <Table.Td miw={120}>
                        <StatusBadge status={member.status} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(member.setupExpiresAt)}</Table.Td>
                      {admin ? (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              variant="default"
                              size="xs"
                              aria-label={`Edit ${member.email}`}
                              onClick={() => setEditing(member)}
                            >
                              Edit
                            </Button>
                            {self ? null : (
                              <ConfirmButton
                                label="Remove"
                                ariaLabel={`Remove ${member.email}`}
                                title="Remove this member?"
                                message={`${member.name} (${member.email}) loses access at once; their sessions end.`}
                                confirmLabel="Remove member"
                                onConfirm={() => remove(member)}
                              />
                            )}
                          </Group>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <LoadMore
          hasNextPage={list.hasNextPage}
          fetching={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </section>
      <SettingsModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Edit ${editing.email}` : ''}
      >
        {editing ? <EditMemberForm member={editing} onDone={() => setEditing(null)} /> : null}
      </SettingsModal>
    </Stack>
  );
}
