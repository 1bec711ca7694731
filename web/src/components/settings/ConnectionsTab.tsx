import { Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { can, useSession } from '../../session.tsx';
import type { Connection } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import { providerOf } from './connectionDraft.ts';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { SettingsModal } from './SettingsModal.tsx';
import { usePagedList } from './usePagedList.ts';

type Editing = { connection?: Connection } | null;

function credentialsText(connection: Connection): string {
  if (connection.hasCredentials) return 'Credentials set';
  return providerOf(connection.provider)?.apiKey === false ? 'None needed' : 'No credentials';
}

/** Destinations per channel; credentials are write-only (the API only says whether some are set). */
export function ConnectionsTab() {
  const { data: session } = useSession();
  const admin = can(session, 'admin');
  const client = useQueryClient();
  const list = usePagedList<Connection>('connections', '/v1/connections');
  const [editing, setEditing] = useState<Editing>(null);

  const remove = async (connection: Connection) => {
    await del(`/v1/connections/${connection.id}`);
    await client.invalidateQueries({ queryKey: ['connections'] });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2} size="h3">
            Connections
          </Title>
          <Text size="sm" c="dimmed">
            Where each channel publishes. Channels without one publish to the sandbox outbox.
          </Text>
        </div>
        {admin ? <Button onClick={() => setEditing({})}>Add connection</Button> : null}
      </Group>
      {admin ? null : (
        <ReadOnlyNote>Only owners and admins can add or change connections.</ReadOnlyNote>
      )}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Skeleton height={160} aria-label="Loading the connections" /> : null}
      {list.isSuccess && list.items.length === 0 ? (
        <Text>No connections yet: every channel publishes to its sandbox.</Text>
      ) : null}
      {list.items.length > 0 ? (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Destination</Table.Th>
                <Table.Th>Credentials</Table.Th>
                <Table.Th>Rate limit</Table.Th>
                <Table.Th>Updated</Table.Th>
                {admin ? <Table.Th>Actions</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((connection) => {
                const reconnect = connection.status === 'needs_reconnect';
                return (
                  <Table.Tr
                    key={connection.id}
                    {...(reconnect ? { bg: 'var(--mantine-color-orange-light)' } : {})}
                  >
                    <Table.Td>{connection.name}</Table.Td>
                    <Table.Td>{connection.channel}</Table.Td>
                    <Table.Td>
                      {providerOf(connection.provider)?.label ?? connection.provider}
                    </Table.Td>
                    <Table.Td miw={120}>
                      <StatusBadge status={connection.status} />
                      {reconnect ? (
                        <Text size="xs" mt={4}>
                          Refused credentials: enter new ones
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {typeof connection.config.baseUrl === 'string'
                        ? connection.config.baseUrl
                        : '—'}
                    </Table.Td>
                    <Table.Td>{credentialsText(connection)}</Table.Td>
                    <Table.Td>
                      {connection.rateLimit
                        ? `${connection.rateLimit.max} per ${connection.rateLimit.perSeconds} s`
                        : 'None'}
                    </Table.Td>
                    <Table.Td>{formatDateTime(connection.updatedAt)}</Table.Td>
                    {admin ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            variant="default"
                            size="xs"
                            aria-label={`Edit ${connection.name}`}
                            onClick={() => setEditing({ connection })}
                          >
                            Edit
                          </Button>
                          <ConfirmButton
                            label="Delete"
                            ariaLabel={`Delete ${connection.name}`}
                            title="Delete this connection?"
                            message={`“${connection.name}” (${connection.channel}) will be removed. A connection that deliveries refer to cannot be deleted.`}
                            confirmLabel="Delete connection"
                            onConfirm={() => remove(connection)}
                          />
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
      <SettingsModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.connection ? `Edit ${editing.connection.name}` : 'Add connection'}
        size="lg"
      >
        {editing ? (
          <ConnectionForm
            {...(editing.connection ? { connection: editing.connection } : {})}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </SettingsModal>
    </Stack>
  );
}
