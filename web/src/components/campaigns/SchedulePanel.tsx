import { Button, Group, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { can, useSession } from '../../session.tsx';
import type { ApprovalStage, Campaign } from '../../types/campaigns.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { useWorkspace } from './queries.ts';

/** An instant as a `datetime-local` value on the wall clock of `zone`. */
function wallClock(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Why the campaign cannot be scheduled or published now (null: it can). */
function notYet(state: Campaign['state'], stage: ApprovalStage | null): string | null {
  switch (state) {
    case 'approved':
    case 'scheduled':
      return null;
    case 'draft':
      return 'Submit it for approval first: only an approved campaign is scheduled or published.';
    case 'pending_approval':
      return stage ? `Waiting for approval: stage ${stage.name}.` : 'Waiting for approval.';
    case 'publishing':
      return 'Publishing has started: see the deliveries.';
    case 'cancelled':
      return 'The campaign was cancelled.';
    default:
      return 'Publishing has ended: see the deliveries.';
  }
}

/** Schedule (in the workspace's time zone), reschedule, cancel, or publish now. */
export function SchedulePanel({
  campaign,
  activeStage,
}: {
  campaign: Campaign;
  activeStage: ApprovalStage | null;
}) {
  const { data: session } = useSession();
  const workspace = useWorkspace();
  const client = useQueryClient();
  const zone = workspace.data?.timeZone;
  const [typed, setTyped] = useState<string | null>(null);
  const at = typed ?? (campaign.scheduledAt && zone ? wallClock(campaign.scheduledAt, zone) : '');
  const act = useMutation({
    mutationFn: (action: 'schedule' | 'publish' | 'cancel') =>
      post<Campaign>(
        `/v1/campaigns/${campaign.id}/${action}`,
        action === 'schedule' ? { at, zone } : {},
      ),
    onSuccess: () => setTyped(null),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['campaign', campaign.id] });
      void client.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });

  const reason = can(session, 'publish')
    ? notYet(campaign.state, activeStage)
    : 'Scheduling and publishing need the publish permission, which your role does not have.';
  const scheduled = campaign.state === 'scheduled' && campaign.scheduledAt;

  return (
    <Stack gap="sm">
      {scheduled ? (
        <Text size="sm">
          Scheduled for {formatDateTime(campaign.scheduledAt, campaign.scheduleZone ?? undefined)} (
          {campaign.scheduleZone ?? 'UTC'}).
        </Text>
      ) : null}
      {reason ? (
        <Text size="sm">{reason}</Text>
      ) : (
        <>
          {workspace.isError ? <ErrorAlert error={workspace.error} /> : null}
          <Group gap="sm" align="flex-end" wrap="wrap">
            {zone ? (
              <TextInput
                type="datetime-local"
                label={`Publish at (${zone})`}
                value={at}
                onChange={(event) => setTyped(event.currentTarget.value)}
              />
            ) : (
              <Skeleton height={58} width={220} />
            )}
            <Button
              onClick={() => act.mutate('schedule')}
              disabled={at === '' || !zone}
              loading={act.isPending && act.variables === 'schedule'}
            >
              Schedule
            </Button>
            <Button
              variant="default"
              onClick={() => act.mutate('publish')}
              loading={act.isPending && act.variables === 'publish'}
            >
              Publish now
            </Button>
            {scheduled ? (
              <Button
                variant="default"
                color="red"
                onClick={() => act.mutate('cancel')}
                loading={act.isPending && act.variables === 'cancel'}
              >
                Cancel schedule
              </Button>
            ) : null}
          </Group>
          {scheduled ? (
            <Text size="xs" c="dimmed">
              Cancelling the schedule cancels the campaign: it cannot be scheduled again.
            </Text>
          ) : null}
        </>
      )}
      {act.isError ? <ErrorAlert error={act.error} title="Not done" /> : null}
    </Stack>
  );
}
