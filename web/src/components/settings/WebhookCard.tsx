import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, patch, post } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import type { Webhook, WebhookDelivery } from '../../types/settings.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useWebhookDeliveries, WebhookDeliveries } from './WebhookDeliveries.tsx';

function LastDelivery({ webhookId }: { webhookId: string }) {
  const latest = useWebhookDeliveries(webhookId, 1);
  const delivery = latest.data?.data[0];
  if (latest.isError) return <Text size="sm">Last delivery: could not load it.</Text>;
  if (!latest.data) return <Text size="sm">Last delivery: loading…</Text>;
  if (!delivery) return <Text size="sm">Last delivery: none yet.</Text>;
  return (
    <Text size="sm">
      Last delivery: {delivery.eventType}, {delivery.status}
      {delivery.lastStatusCode === null ? '' : ` (HTTP ${delivery.lastStatusCode})`},{' '}
      {formatDateTime(delivery.updatedAt)}
    </Text>
  );
}

function TestResult({ delivery }: { delivery: WebhookDelivery }) {
  const ok = delivery.status === 'succeeded';
  return (
    <Alert color={ok ? 'green' : 'red'} title={ok ? 'Test event delivered' : 'Test event failed'}>
      {delivery.lastStatusCode === null ? 'No HTTP answer' : `HTTP ${delivery.lastStatusCode}`}
      {delivery.lastError ? `: ${delivery.lastError}` : ''}
    </Alert>
  );
}

/** One endpoint: its filter, state and latest delivery; test, enable/disable, edit, delete, log. */
export function WebhookCard({
  webhook,
  admin,
  onEdit,
}: {
  webhook: Webhook;
  admin: boolean;
  onEdit: () => void;
}) {
  const client = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['webhooks'] });
  const toggle = useMutation({
    mutationFn: () =>
      patch<Webhook>(`/v1/webhooks/${webhook.id}`, {
        status: webhook.status === 'active' ? 'disabled' : 'active',
      }),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: () => post<WebhookDelivery>(`/v1/webhooks/${webhook.id}/test`),
    onSuccess: refresh,
  });
  const remove = async () => {
    await del(`/v1/webhooks/${webhook.id}`);
    await refresh();
  };
  const logId = `webhook-log-${webhook.id}`;

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {webhook.url}
          </Title>
          <StatusBadge status={webhook.status} />
        </Group>
        {webhook.description ? <Text size="sm">{webhook.description}</Text> : null}
        <Group gap={4}>
          <Text size="sm" span>
            Events:
          </Text>
          {webhook.eventTypes.length === 0 ? (
            <Text size="sm" span>
              all
            </Text>
          ) : (
            webhook.eventTypes.map((type) => (
              <Badge key={type} variant="outline" color="gray" radius="sm" tt="none">
                {type}
              </Badge>
            ))
          )}
        </Group>
        {webhook.disabledReason ? <Text size="sm">Disabled: {webhook.disabledReason}</Text> : null}
        {webhook.failingSince ? (
          <Text size="sm">Failing since {formatDateTime(webhook.failingSince)}</Text>
        ) : null}
        <LastDelivery webhookId={webhook.id} />
        {toggle.isError ? <ErrorAlert error={toggle.error} /> : null}
        {test.isError ? (
          <ErrorAlert error={test.error} title="Could not send the test event" />
        ) : null}
        {test.data ? <TestResult delivery={test.data} /> : null}
        <Group gap="xs">
          {admin ? (
            <>
              <Button
                size="xs"
                variant="default"
                aria-label={`Send test event to ${webhook.url}`}
                loading={test.isPending}
                onClick={() => test.mutate()}
              >
                Send test event
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={`${webhook.status === 'active' ? 'Disable' : 'Enable'} ${webhook.url}`}
                loading={toggle.isPending}
                onClick={() => toggle.mutate()}
              >
                {webhook.status === 'active' ? 'Disable' : 'Enable'}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={`Edit webhook ${webhook.url}`}
                onClick={onEdit}
              >
                Edit
              </Button>
            </>
          ) : null}
          <Button
            size="xs"
            variant="subtle"
            aria-label={`${showLog ? 'Hide' : 'Show'} delivery log of ${webhook.url}`}
            aria-expanded={showLog}
            aria-controls={logId}
            onClick={() => setShowLog((shown) => !shown)}
          >
            {showLog ? 'Hide delivery log' : 'Show delivery log'}
          </Button>
          {admin ? (
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete webhook ${webhook.url}`}
              title="Delete this webhook?"
              message={`${webhook.url} stops receiving events; its delivery log is deleted with it.`}
              confirmLabel="Delete webhook"
              onConfirm={remove}
            />
          ) : null}
        </Group>
        <Collapse expanded={showLog} id={logId}>
          {showLog ? <WebhookDeliveries webhookId={webhook.id} admin={admin} /> : null}
        </Collapse>
      </Stack>
    </Paper>
  );
}
