import { Button, Skeleton, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, query } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Page, WebhookDelivery } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';

const LOG_SIZE = 25;

/** Deliveries are not events: while one is pending, the log polls. */
function refetchWhilePending(data: Page<WebhookDelivery> | undefined): number | false {
  return data?.data.some((delivery) => delivery.status === 'pending') ? 5_000 : false;
}

export function useWebhookDeliveries(webhookId: string, limit: number) {
  return useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries', limit],
    queryFn: () =>
      get<Page<WebhookDelivery>>(`/v1/webhooks/${webhookId}/deliveries${query({ limit })}`),
    refetchInterval: (current) => refetchWhilePending(current.state.data),
  });
}

/** The endpoint's latest deliveries, newest first, each with a Replay button (admin). */
export function WebhookDeliveries({ webhookId, admin }: { webhookId: string; admin: boolean }) {
  const client = useQueryClient();
  const log = useWebhookDeliveries(webhookId, LOG_SIZE);
  const replay = useMutation({
    mutationFn: (deliveryId: string) =>
      post<WebhookDelivery>(`/v1/webhooks/${webhookId}/deliveries/${deliveryId}/replay`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks', webhookId] }),
  });
  if (log.isError) return <ErrorAlert error={log.error} />;
  if (!log.data) return <Skeleton height={120} aria-label="Loading the delivery log" />;
  if (log.data.data.length === 0) return <Text size="sm">No deliveries yet.</Text>;
  return (
    <>
      {replay.isError ? <ErrorAlert error={replay.error} title="Could not replay" /> : null}
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Response code</Table.Th>
              <Table.Th>Error</Table.Th>
              <Table.Th>Attempts</Table.Th>
              {admin ? <Table.Th>Actions</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.data.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Td miw={120}>
                  <StatusBadge status={delivery.status} />
                  {delivery.nextAttemptAt ? (
                    <Text size="xs" mt={4}>
                      Next try {formatDateTime(delivery.nextAttemptAt)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{delivery.lastStatusCode ?? '—'}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  {delivery.lastError ?? '—'}
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                {admin ? (
                  <Table.Td>
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={`Replay ${delivery.eventType} of ${formatDateTime(delivery.createdAt)}`}
                      loading={replay.isPending && replay.variables === delivery.id}
                      onClick={() => replay.mutate(delivery.id)}
                    >
                      Replay
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
