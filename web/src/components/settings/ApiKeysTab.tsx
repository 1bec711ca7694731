import { Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { del } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { can, useSession } from '../../session.tsx';
import type { ApiKey } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { LoadMore } from '../LoadMore.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { CreateApiKeyForm } from './CreateApiKeyForm.tsx';
import { ReadOnlyNote } from './ReadOnlyNote.tsx';
import { usePagedList } from './usePagedList.ts';

/** API keys (admin only, reading included): create with scopes, revoke. */
export function ApiKeysTab() {
  const { data: session } = useSession();
  const admin = can(session, 'admin');
  if (!admin)
    return <ReadOnlyNote>Only owners and admins can see and manage API keys.</ReadOnlyNote>;
  return (
    <Stack gap="lg">
      <section aria-labelledby="new-key-heading">
        <Title order={2} size="h3" id="new-key-heading" mb="sm">
          Create an API key
        </Title>
        <CreateApiKeyForm />
      </section>
      <section aria-labelledby="keys-heading">
        <Title order={2} size="h3" id="keys-heading" mb="sm">
          API keys
        </Title>
        <ApiKeyList />
      </section>
    </Stack>
  );
}

function ApiKeyList() {
  const client = useQueryClient();
  const list = usePagedList<ApiKey>('api-keys', '/v1/api-keys');
  const revoke = async (key: ApiKey) => {
    await del(`/v1/api-keys/${key.id}`);
    await client.invalidateQueries({ queryKey: ['api-keys'] });
  };
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (list.isPending) return <Skeleton height={160} aria-label="Loading the API keys" />;
  if (list.items.length === 0) return <Text>No API keys yet.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {key.prefix}…
                  </Text>
                </Table.Td>
                <Table.Td>{key.scopes.join(', ')}</Table.Td>
                <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td miw={120}>
                  {key.revokedAt ? (
                    <>
                      <StatusBadge status="revoked" />
                      <Text size="xs" mt={4}>
                        {formatDateTime(key.revokedAt)}
                      </Text>
                    </>
                  ) : (
                    <StatusBadge status="active" />
                  )}
                </Table.Td>
                <Table.Td>
                  {key.revokedAt ? null : (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${key.name}`}
                      title="Revoke this API key?"
                      message={`“${key.name}” (${key.prefix}…) stops working on its next request. This cannot be undone.`}
                      confirmLabel="Revoke key"
                      onConfirm={() => revoke(key)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={list.hasNextPage}
        fetching={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </>
  );
}
