import { Code, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Delivery } from '../../types/deliveries.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { Fact } from './Fact.tsx';

/** One delivery as `GET /v1/deliveries/{id}` shows it: its keys and every attempt. */
export function DeliveryDetails({ id }: { id: string }) {
  const detail = useQuery({
    queryKey: ['deliveries', 'detail', id],
    queryFn: () => get<Delivery>(`/v1/deliveries/${id}`),
  });

  if (detail.isPending) return <Skeleton height={96} />;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const delivery = detail.data;
  return (
    <Stack gap="xs" py="xs">
      <Group gap="lg" wrap="wrap">
        <Fact label="Idempotency key">
          <Code>{delivery.idempotencyKey}</Code>
        </Fact>
        <Fact label="Remote id">{delivery.remoteId ? <Code>{delivery.remoteId}</Code> : '—'}</Fact>
        <Fact label="Send by">{formatDateTime(delivery.sendBy)}</Fact>
      </Group>
      {delivery.attempts.length === 0 ? (
        <Text size="sm">No attempts yet.</Text>
      ) : (
        <Table withTableBorder fz="sm" verticalSpacing={4} captionSide="top">
          <Table.Caption style={{ color: 'var(--mantine-color-text)', textAlign: 'left' }}>
            Attempts, oldest first
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>The destination's message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.attempts.map((attempt) => (
              <Table.Tr key={`${attempt.at} ${attempt.outcome}`}>
                <Table.Td>{formatDateTime(attempt.at)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={attempt.outcome} />
                </Table.Td>
                <Table.Td>
                  {attempt.error
                    ? `${attempt.error.message}${attempt.error.vendorCode ? ` (${attempt.error.vendorCode})` : ''}`
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
