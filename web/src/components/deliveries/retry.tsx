import { Button, Group, Text } from '@mantine/core';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../api.ts';
import { can, useSession } from '../../session.tsx';
import type { Delivery } from '../../types/deliveries.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';

/** The variable says what was asked (a lookup or a resend): the row's state changes afterwards. */
type Retry = UseMutationResult<Delivery, Error, boolean>;

/**
 * A failed or cancelled delivery is sent again; an unknown one is looked up again (asks the
 * destination, never resends). Held by the row, so the answer outlives the state it changed.
 */
export function useRetry(delivery: Delivery): Retry {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (_lookup: boolean) => post<Delivery>(`/v1/deliveries/${delivery.id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['deliveries'] }),
  });
}

/** "Retry" (failed, cancelled) or "Look up again" (unknown), for members who may publish. */
export function RetryButton({
  delivery,
  retry,
  label,
}: {
  delivery: Delivery;
  retry: Retry;
  label: string;
}) {
  const { data: session } = useSession();
  const lookup = delivery.state === 'unknown';
  const retryable = lookup || delivery.state === 'failed' || delivery.state === 'cancelled';
  if (!retryable || !can(session, 'publish')) return null;
  const describedBy = `delivery-${delivery.id}-name`;
  return (
    <>
      <Button
        size="xs"
        loading={retry.isPending}
        onClick={() => retry.mutate(lookup)}
        aria-describedby={describedBy}
      >
        {lookup ? 'Look up again' : 'Retry'}
      </Button>
      <span id={describedBy} hidden>
        {label}
      </span>
    </>
  );
}

/** What the API answered to the last retry: the delivery's new state, or its refusal. */
export function RetryAnswer({ retry }: { retry: Retry }) {
  if (retry.isError) return <ErrorAlert error={retry.error} title="Not retried" />;
  if (!retry.data) return null;
  return (
    <Group gap={6} role="status" wrap="wrap">
      <Text size="sm">
        {retry.variables
          ? 'Lookup requested: the delivery is now'
          : 'Retry requested: the delivery is now'}
      </Text>
      <StatusBadge status={retry.data.state} />
    </Group>
  );
}
