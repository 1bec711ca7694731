import { Group, NativeSelect, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, query } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { DraftVersion, VersionDiff } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { FieldChange } from './FieldChange.tsx';
import { useActorName } from './queries.ts';

/** Every version of a draft, and what changed between any two of them. */
export function DraftVersions({
  draftId,
  label,
  latest,
}: {
  draftId: string;
  label: string;
  latest: number;
}) {
  const versions = useQuery({
    queryKey: ['draft', draftId, 'versions'],
    queryFn: () => get<{ data: DraftVersion[] }>(`/v1/drafts/${draftId}/versions`),
  });
  const actorName = useActorName();
  const [chosen, setChosen] = useState<{ from: number; to: number } | null>(null);
  const pair = chosen ?? { from: Math.max(1, latest - 1), to: latest };
  const diff = useQuery({
    queryKey: ['draft', draftId, 'diff', pair.from, pair.to],
    queryFn: () => get<VersionDiff>(`/v1/drafts/${draftId}/versions/diff${query({ ...pair })}`),
    enabled: pair.from !== pair.to,
  });
  const list = versions.data?.data ?? [];
  const options = list.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));

  return (
    <Stack gap="sm">
      <Title order={4} size="h5">
        Versions of the {label} draft
      </Title>
      {versions.isPending ? <Skeleton height={120} /> : null}
      {versions.isError ? <ErrorAlert error={versions.error} /> : null}
      {list.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Quality</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...list].reverse().map((version) => (
                <Table.Tr key={version.version}>
                  <Table.Td>{version.version}</Table.Td>
                  <Table.Td>{version.reason}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {actorName(version.actor)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(version.createdAt)}</Table.Td>
                  <Table.Td>{version.quality.overall}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.length < 2 ? (
        versions.isSuccess ? (
          <Text size="sm" c="dimmed">
            Only one version so far: nothing to compare.
          </Text>
        ) : null
      ) : (
        <>
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label="Compare version"
              data={options}
              value={String(pair.from)}
              onChange={(event) => setChosen({ ...pair, from: Number(event.currentTarget.value) })}
            />
            <NativeSelect
              label="with version"
              data={options}
              value={String(pair.to)}
              onChange={(event) => setChosen({ ...pair, to: Number(event.currentTarget.value) })}
            />
          </Group>
          {pair.from === pair.to ? (
            <Text size="sm" c="dimmed">
              Choose two different versions.
            </Text>
          ) : diff.isPending ? (
            <Skeleton height={80} />
          ) : diff.isError ? (
            <ErrorAlert error={diff.error} />
          ) : diff.data.changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              No content changed between these versions.
            </Text>
          ) : (
            <Stack gap="sm">
              {diff.data.changes.map((change) => (
                <FieldChange key={change.field} change={change} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
